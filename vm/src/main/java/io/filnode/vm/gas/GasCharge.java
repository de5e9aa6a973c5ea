package io.filnode.vm.gas;

/**
 * One gas charge, Lotus's {@code GasCharge}: a name for traces, compute and storage gas. Only their
 * sum counts; the virtual gas Lotus attaches for pricing research is not consensus and is left out.
 */
public record GasCharge(String name, long computeGas, long storageGas) {
  public long total() {
    return computeGas + storageGas;
  }

  /** A free charge that only marks a point in the trace (Lotus's {@code OnActorExec} and kin). */
  public static GasCharge marker(String name) {
    return new GasCharge(name, 0, 0);
  }
}
