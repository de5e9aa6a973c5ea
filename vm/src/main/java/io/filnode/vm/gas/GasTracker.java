package io.filnode.vm.gas;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;

/**
 * The gas of one message across its whole call stack. Lotus copies the used gas into every nested
 * runtime and back out; sharing one tracker is the same thing. Running out sets the used gas to the
 * limit and aborts with {@code SysErrOutOfGas}, as Lotus's {@code chargeGasInternal}.
 */
public final class GasTracker {
  private final long limit;
  private long used;

  public GasTracker(long limit) {
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  public long used() {
    return used;
  }

  /**
   * Charges {@code charge}.
   *
   * @throws ActorException with {@code SysErrOutOfGas} when the limit would be passed
   */
  public void charge(GasCharge charge) {
    long toUse = charge.total();
    // Lotus: if gasUsed > gasAvailable - toUse (no overflow for the values that occur)
    if (used > limit - toUse) {
      long before = used;
      used = limit;
      throw ActorException.abortf(
          ExitCode.SYS_ERR_OUT_OF_GAS,
          "not enough gas: used=%d, available=%d, use=%d",
          before,
          limit,
          toUse);
    }
    used += toUse;
  }
}
