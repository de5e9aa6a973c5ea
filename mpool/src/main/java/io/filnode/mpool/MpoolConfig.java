package io.filnode.mpool;

import io.filnode.chain.address.Address;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The pool's settings, as Lotus's {@code MpoolConfig}: addresses whose messages are selected first
 * and never pruned, the size at which pruning starts and the size it prunes down to, the minimum
 * replace-by-fee ratio, the pause between prunes, and the gas limit overestimation factor.
 */
public record MpoolConfig(
    List<Address> priorityAddrs,
    int sizeLimitHigh,
    int sizeLimitLow,
    double replaceByFeeRatio,
    Duration pruneCooldown,
    double gasLimitOverestimation) {
  public static final double REPLACE_BY_FEE_RATIO_DEFAULT = 1.25;

  public MpoolConfig {
    priorityAddrs = List.copyOf(priorityAddrs);
  }

  /** Lotus's defaults: 30,000 / 20,000 messages, RBF 1.25, one minute, 1.25. */
  public static MpoolConfig defaults() {
    return new MpoolConfig(
        List.of(), 30_000, 20_000, REPLACE_BY_FEE_RATIO_DEFAULT, Duration.ofMinutes(1), 1.25);
  }

  /**
   * Checks the settings as Lotus's SetConfig does.
   *
   * @throws IllegalArgumentException naming the bad setting
   */
  public MpoolConfig validate() {
    if (replaceByFeeRatio < REPLACE_BY_FEE_RATIO_DEFAULT) {
      // Go's %f, as Lotus prints it
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "'ReplaceByFeeRatio' is less than required %f < %f",
              replaceByFeeRatio,
              REPLACE_BY_FEE_RATIO_DEFAULT));
    }
    if (gasLimitOverestimation < 1) {
      throw new IllegalArgumentException("'GasLimitOverestimation' cannot be less than 1");
    }
    if (sizeLimitLow > sizeLimitHigh || sizeLimitLow < 0) {
      throw new IllegalArgumentException(
          "'SizeLimitLow' must be between 0 and 'SizeLimitHigh' (" + sizeLimitHigh + ")");
    }
    return this;
  }
}
