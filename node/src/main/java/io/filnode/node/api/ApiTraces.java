package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.ApplyRet;
import io.filnode.vm.CallTrace;
import io.filnode.vm.GasOutputs;
import io.filnode.vm.gas.GasCharge;
import io.filnode.vm.stmgr.InvocResult;
import java.math.BigInteger;
import java.util.List;

/**
 * Lotus's JSON for the results of executing a message: {@code api.InvocResult}, {@code
 * api.MsgGasCost}, {@code types.ExecutionTrace} and {@code types.GasTrace}.
 */
public final class ApiTraces {
  private ApiTraces() {}

  /** Lotus's {@code api.InvocResult}. */
  public record InvocResultJson(
      @JsonProperty("MsgCid") Cid msgCid,
      @JsonProperty("Msg") UnsignedMessage msg,
      @JsonProperty("MsgRct") MessageReceipt msgRct,
      @JsonProperty("GasCost") MsgGasCost gasCost,
      @JsonProperty("ExecutionTrace") ExecutionTrace executionTrace,
      @JsonProperty("Error") String error,
      @JsonProperty("Duration") long duration) {}

  /** Lotus's {@code api.MsgGasCost}: where the message's gas funds went. */
  public record MsgGasCost(
      @JsonProperty("Message") Cid message,
      @JsonProperty("GasUsed") TokenAmount gasUsed,
      @JsonProperty("BaseFeeBurn") TokenAmount baseFeeBurn,
      @JsonProperty("OverEstimationBurn") TokenAmount overEstimationBurn,
      @JsonProperty("MinerPenalty") TokenAmount minerPenalty,
      @JsonProperty("MinerTip") TokenAmount minerTip,
      @JsonProperty("Refund") TokenAmount refund,
      @JsonProperty("TotalCost") TokenAmount totalCost) {
    /** Go's zero value, which {@code StateCall} returns: no message, every amount zero. */
    static final MsgGasCost NONE =
        new MsgGasCost(null, zero(), zero(), zero(), zero(), zero(), zero(), zero());

    private static TokenAmount zero() {
      return TokenAmount.ZERO;
    }
  }

  /** Lotus's {@code types.ExecutionTrace}. */
  public record ExecutionTrace(
      @JsonProperty("Msg") UnsignedMessage msg,
      @JsonProperty("MsgRct") MessageReceipt msgRct,
      @JsonProperty("Error") String error,
      @JsonProperty("Duration") long duration,
      @JsonProperty("GasCharges") List<GasTrace> gasCharges,
      @JsonProperty("Subcalls") List<ExecutionTrace> subcalls) {
    /** Go's zero value: what Lotus shows for a message that failed before executing. */
    static final ExecutionTrace NONE = new ExecutionTrace(null, null, "", 0, null, null);
  }

  /**
   * Lotus's {@code types.GasTrace} as its VM records it with gas tracing on. Virtual gas equals the
   * real gas (this VM prices no virtual extras), and neither call sites nor times are recorded.
   */
  public record GasTrace(
      @JsonProperty("Name") String name,
      @JsonProperty("loc") List<Object> location,
      @JsonProperty("tg") long totalGas,
      @JsonProperty("cg") long computeGas,
      @JsonProperty("sg") long storageGas,
      @JsonProperty("vtg") long totalVirtualGas,
      @JsonProperty("vcg") long virtualComputeGas,
      @JsonProperty("vsg") long virtualStorageGas,
      @JsonProperty("tt") long timeTaken) {
    static GasTrace of(GasCharge c) {
      return new GasTrace(
          c.name(),
          List.of(),
          c.total(),
          c.computeGas(),
          c.storageGas(),
          c.total(),
          c.computeGas(),
          c.storageGas(),
          0);
    }
  }

  /**
   * The JSON of {@code r}; {@code withGasCost} as {@code StateReplay} (the gas cost of the
   * execution), else Go's zero value as {@code StateCall}.
   */
  public static InvocResultJson invocResult(InvocResult r, boolean withGasCost) {
    ApplyRet ret = r.ret();
    return new InvocResultJson(
        r.msgCid(),
        r.msg(),
        ret.receipt(),
        withGasCost ? gasCost(r.msg(), ret) : MsgGasCost.NONE,
        ret.trace() == null ? ExecutionTrace.NONE : trace(r.msg(), ret.trace(), r.durationNanos()),
        ret.error() == null ? "" : ret.error(),
        r.durationNanos());
  }

  /** Lotus's {@code MakeMsgGasCost}: the outputs, with total cost = fee cap × limit − refund. */
  public static MsgGasCost gasCost(UnsignedMessage msg, ApplyRet ret) {
    GasOutputs go = ret.gasOutputs();
    TokenAmount zero = TokenAmount.ZERO;
    TokenAmount refund = go == null ? zero : go.refund();
    return new MsgGasCost(
        msg.cid(),
        TokenAmount.ofAtto(BigInteger.valueOf(ret.receipt().gasUsed())),
        go == null ? zero : go.baseFeeBurn(),
        go == null ? zero : go.overEstimationBurn(),
        go == null ? zero : go.minerPenalty(),
        go == null ? zero : go.minerTip(),
        refund,
        msg.gasFeeCap().multiply(msg.gasLimit()).subtract(refund));
  }

  /**
   * The trace of {@code top} (the message executed) from the VM's call tree. A subcall's message is
   * Lotus's internal one: sender, receiver, method, value, parameters, and the whole message's gas
   * limit. Only the top call carries a duration.
   */
  static ExecutionTrace trace(UnsignedMessage top, CallTrace t, long durationNanos) {
    return trace(top, t, top.gasLimit(), durationNanos);
  }

  private static ExecutionTrace trace(
      UnsignedMessage msg, CallTrace t, long gasLimit, long durationNanos) {
    List<ExecutionTrace> subcalls =
        t.subcalls().isEmpty()
            ? null
            : t.subcalls().stream()
                .map(s -> trace(internalMessage(s, gasLimit), s, gasLimit, 0))
                .toList();
    List<GasTrace> charges =
        t.charges().isEmpty() ? null : t.charges().stream().map(GasTrace::of).toList();
    return new ExecutionTrace(
        msg,
        new MessageReceipt(t.exitCode(), t.returnValue(), t.gasUsed()),
        t.error() == null ? "" : t.error(),
        durationNanos,
        charges,
        subcalls);
  }

  private static UnsignedMessage internalMessage(CallTrace s, long gasLimit) {
    return new UnsignedMessage(
        0,
        s.to(),
        s.from(),
        0,
        s.value(),
        gasLimit,
        TokenAmount.ZERO,
        TokenAmount.ZERO,
        s.method(),
        s.params());
  }
}
