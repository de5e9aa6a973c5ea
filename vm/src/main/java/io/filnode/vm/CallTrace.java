package io.filnode.vm;

import io.filnode.chain.address.Address;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.gas.GasCharge;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of a message's execution, for debugging (Lotus's {@code ExecutionTrace}): who called
 * what with which value and parameters, every gas charge made while it was the running call, its
 * nested calls, and how it ended: exit code, error, return value and the message's gas used so far
 * (as Lotus's trace receipt, which counts the whole message up to the end of this call). Only
 * recorded when the VM is asked to trace.
 */
public final class CallTrace {
  private final Address from;
  private final Address to;
  private final long method;
  private final TokenAmount value;
  private final byte[] params;
  private final List<GasCharge> charges = new ArrayList<>();
  private final List<CallTrace> subcalls = new ArrayList<>();
  private int exitCode;
  private String error;
  private byte[] returnValue = new byte[0];
  private long gasUsed;

  public CallTrace(Address from, Address to, long method) {
    this(from, to, method, TokenAmount.ZERO, new byte[0]);
  }

  public CallTrace(Address from, Address to, long method, TokenAmount value, byte[] params) {
    this.from = from;
    this.to = to;
    this.method = method;
    this.value = value;
    this.params = params.clone();
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

  public TokenAmount value() {
    return value;
  }

  public byte[] params() {
    return params.clone();
  }

  public byte[] returnValue() {
    return returnValue.clone();
  }

  public long gasUsed() {
    return gasUsed;
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

  void finish(int exitCode, String error, byte[] returnValue, long gasUsed) {
    this.exitCode = exitCode;
    this.error = error;
    this.returnValue = returnValue == null ? new byte[0] : returnValue.clone();
    this.gasUsed = gasUsed;
  }
}
