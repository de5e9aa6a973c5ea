package io.filnode.vm;

import io.filnode.chain.address.Address;
import io.filnode.vm.gas.GasCharge;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of a message's execution, for debugging (Lotus's {@code ExecutionTrace}): who called
 * what, every gas charge made while it was the running call, its nested calls and its exit code.
 * Only recorded when the VM is asked to trace.
 */
public final class CallTrace {
  private final Address from;
  private final Address to;
  private final long method;
  private final List<GasCharge> charges = new ArrayList<>();
  private final List<CallTrace> subcalls = new ArrayList<>();
  private int exitCode;
  private String error;

  public CallTrace(Address from, Address to, long method) {
    this.from = from;
    this.to = to;
    this.method = method;
  }

  public Address from() {
    return from;
  }

  public Address to() {
    return to;
  }

  public long method() {
    return method;
  }

  public List<GasCharge> charges() {
    return charges;
  }

  public List<CallTrace> subcalls() {
    return subcalls;
  }

  public int exitCode() {
    return exitCode;
  }

  public String error() {
    return error;
  }

  void finish(int exitCode, String error) {
    this.exitCode = exitCode;
    this.error = error;
  }
}
