package io.filnode.actors.v2.miner;

/**
 * go-state-types {@code dline.Info} with the miner's parameters: the epochs of one deadline in one
 * proving period, seen from {@code currentEpoch}.
 */
public record DeadlineInfo(
    long currentEpoch,
    long periodStart,
    long index,
    long open,
    long close,
    long challenge,
    long faultCutoff) {

  /** dline.NewInfo with the miner policy's proving period parameters. */
  public static DeadlineInfo of(long periodStart, long deadlineIdx, long currEpoch) {
    if (Long.compareUnsigned(deadlineIdx, Policy.WPOST_PERIOD_DEADLINES) < 0) {
      long open = periodStart + deadlineIdx * Policy.WPOST_CHALLENGE_WINDOW;
      return new DeadlineInfo(
          currEpoch,
          periodStart,
          deadlineIdx,
          open,
          open + Policy.WPOST_CHALLENGE_WINDOW,
          open - Policy.WPOST_CHALLENGE_LOOKBACK,
          open - Policy.FAULT_DECLARATION_CUTOFF);
    }
    long after = periodStart + Policy.WPOST_PROVING_PERIOD;
    return new DeadlineInfo(currEpoch, periodStart, deadlineIdx, after, after, after, 0);
  }

  public boolean periodStarted() {
    return currentEpoch >= periodStart;
  }

  public boolean periodElapsed() {
    return currentEpoch >= nextPeriodStart();
  }

  public long periodEnd() {
    return periodStart + Policy.WPOST_PROVING_PERIOD - 1;
  }

  public long nextPeriodStart() {
    return periodStart + Policy.WPOST_PROVING_PERIOD;
  }

  public boolean isOpen() {
    return currentEpoch >= open && currentEpoch < close;
  }

  public boolean hasElapsed() {
    return currentEpoch >= close;
  }

  /** The last epoch of the challenge window. */
  public long last() {
    return close - 1;
  }

  public long nextOpen() {
    return close;
  }

  public boolean faultCutoffPassed() {
    return currentEpoch >= faultCutoff;
  }

  /** This deadline, or its next occurrence that has not yet closed at the current epoch. */
  public DeadlineInfo nextNotElapsed() {
    if (!hasElapsed()) {
      return this;
    }
    long pp = Policy.WPOST_PROVING_PERIOD;
    long offset = periodStart % pp;
    if (offset < 0) {
      offset += pp;
    }
    long globalPeriod = currentEpoch / pp;
    long start = globalPeriod * pp + offset;
    while (start > currentEpoch) {
      start -= pp;
    }
    if (currentEpoch >= start + (index + 1) * Policy.WPOST_CHALLENGE_WINDOW) {
      start += pp;
    }
    return of(start, index, currentEpoch);
  }

  /** The quantization of expirations in this deadline: its last epoch in every period. */
  public QuantSpec quantSpec() {
    return new QuantSpec(Policy.WPOST_PROVING_PERIOD, last());
  }
}
