package io.filnode.vm.stmgr;

import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.ApplyRet;
import io.filnode.vm.MessageApplyException;
import io.filnode.vm.TipsetExecutor;
import io.filnode.vm.Vm;
import io.filnode.vm.VmConfig;
import io.filnode.vm.VmFatalException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Executes messages against a tipset's state without keeping the result, as Lotus v1.10.0's {@code
 * StateManager.Call}, {@code CallWithGas} and {@code Replay}. Nothing here changes the chain: the
 * VM writes into its own buffer, which is dropped (a replay re-executes a whole tipset, whose state
 * is already stored, and so writes nothing new). Calls always record the call trace.
 *
 * <p>No expensive-fork check: the VM runs network versions 4 to 9, whose upgrades have no state
 * migration.
 */
public final class StateCaller {
  private final StateManager sm;
  private final LongSupplier nanoClock;

  public StateCaller(StateManager sm) {
    this(sm, System::nanoTime);
  }

  /** With a clock for {@link InvocResult#durationNanos()} (not consensus: reporting only). */
  public StateCaller(StateManager sm, LongSupplier nanoClock) {
    this.sm = sm;
    this.nanoClock = nanoClock;
  }

  /**
   * Lotus's {@code Call}: applies {@code msg} as an implicit message (no gas funds, no fee checks)
   * on the parent state of {@code ts} at its height, with base fee zero, a gas limit of a block's
   * when none is set, and the nonce of the sender in that state.
   *
   * @throws StateManagerException when the sender does not exist, or when the execution fails: as
   *     v1.10.0, an actor error is an error of the call, not a result
   */
  public InvocResult call(UnsignedMessage msg, TipSet ts) throws StateManagerException {
    VmConfig config = sm.vmConfig(ts, TokenAmount.ZERO).withTrace(true);
    Vm vm = newVm(ts.parentStateRoot(), ts.height(), config);
    long gasLimit = msg.gasLimit() == 0 ? TipsetExecutor.BLOCK_GAS_LIMIT : msg.gasLimit();
    UnsignedMessage m = withGasAndNonce(msg, gasLimit, senderNonce(vm, msg.from()));
    long start = nanoClock.getAsLong();
    ApplyRet ret;
    try {
      ret = vm.applyImplicitMessage(m);
    } catch (MessageApplyException e) {
      throw new StateManagerException("apply message failed: " + e.getMessage(), e);
    }
    long duration = nanoClock.getAsLong() - start;
    if (ret.receipt().exitCode() != 0) {
      throw new StateManagerException("apply message failed: " + ret.error());
    }
    return new InvocResult(m.cid(), m, ret, duration);
  }

  /**
   * Lotus's {@code CallWithGas}: on the state after {@code ts} (computed if needed), at its height
   * with its blocks' parent base fee, applies {@code priorMsgs} then {@code msg} (with the sender's
   * nonce after them) as explicit messages, gas and fees included. A secp256k1 sender's message is
   * sized as if it carried a signature. An actor error is a result here, not an error.
   */
  public InvocResult callWithGas(UnsignedMessage msg, List<SignedMessage> priorMsgs, TipSet ts)
      throws StateManagerException {
    Cid state = sm.tipSetState(ts).stateRoot();
    TokenAmount baseFee = ts.blocks().get(0).parentBaseFee();
    VmConfig config = sm.vmConfig(ts, baseFee).withTrace(true);
    Vm vm = newVm(state, ts.height(), config);
    for (int i = 0; i < priorMsgs.size(); i++) {
      SignedMessage p = priorMsgs.get(i);
      try {
        vm.applyMessage(p.message(), p.chainLength());
      } catch (MessageApplyException e) {
        throw new StateManagerException(
            "applying prior message (" + i + ", " + p.cid() + "): " + e.getMessage(), e);
      }
    }
    UnsignedMessage m = withGasAndNonce(msg, msg.gasLimit(), senderNonce(vm, msg.from()));
    int chainLength =
        resolveToKey(msg.from(), ts).protocol() == Protocol.SECP256K1
            ? new SignedMessage(m, new Signature(SignatureType.SECP256K1, new byte[65]))
                .chainLength()
            : m.chainLength();
    long start = nanoClock.getAsLong();
    ApplyRet ret;
    try {
      ret = vm.applyMessage(m, chainLength);
    } catch (MessageApplyException e) {
      throw new StateManagerException("apply message failed: " + e.getMessage(), e);
    }
    return new InvocResult(m.cid(), m, ret, nanoClock.getAsLong() - start);
  }

  /**
   * Lotus's {@code Replay}: re-executes {@code ts} (its parent's messages are not involved: {@code
   * ts} is the tipset that carries the message) with call traces on, and returns the result of the
   * message {@code msgCid}. Its duration is not measured per message and is reported as zero.
   */
  public InvocResult replay(TipSet ts, Cid msgCid) throws StateManagerException {
    UnsignedMessage wanted;
    try {
      wanted = sm.chain().getMessage(msgCid);
    } catch (ChainStoreException e) {
      throw new StateManagerException("given message not found in tipset: " + e.getMessage(), e);
    }
    TipsetExecutor.Result result = sm.executeTipSet(ts, true);
    Cid wantedCid = wanted.cid();
    for (int i = 0; i < result.messages().size(); i++) {
      // blocks are deduplicated by unsigned CID, so matching on it finds the one execution
      if (result.messages().get(i).cid().equals(wantedCid)) {
        return new InvocResult(msgCid, result.messages().get(i), result.results().get(i), 0);
      }
    }
    throw new StateManagerException("given message not found in tipset");
  }

  private Vm newVm(Cid stateRoot, long epoch, VmConfig config) throws StateManagerException {
    try {
      return new Vm(sm.chain().blockstore(), stateRoot, epoch, config);
    } catch (VmFatalException e) {
      throw new StateManagerException("failed to set up vm: " + e.getMessage(), e);
    }
  }

  private static long senderNonce(Vm vm, Address from) throws StateManagerException {
    Actor a;
    try {
      a = vm.state().getActor(from);
    } catch (VmFatalException e) {
      throw new StateManagerException("call raw get actor: " + e.getMessage(), e);
    }
    if (a == null) {
      throw new StateManagerException("call raw get actor: actor not found: " + from);
    }
    return a.nonce();
  }

  /**
   * Lotus's {@code ResolveToKeyAddress} for a tipset: the key behind {@code a} in the parent state
   * of {@code ts}, else in the state after it (for an account created by {@code ts} itself).
   */
  public Address resolveToKey(Address a, TipSet ts) throws StateManagerException {
    if (a.protocol() == Protocol.SECP256K1 || a.protocol() == Protocol.BLS) {
      return a;
    }
    try {
      return sm.resolveToKey(a, ts.parentStateRoot());
    } catch (StateManagerException notInParent) {
      try {
        return sm.resolveToKey(a, sm.tipSetState(ts).stateRoot());
      } catch (StateManagerException e) {
        throw new StateManagerException("could not resolve key: " + e.getMessage(), e);
      }
    }
  }

  private static UnsignedMessage withGasAndNonce(UnsignedMessage m, long gasLimit, long nonce) {
    return new UnsignedMessage(
        m.version(),
        m.to(),
        m.from(),
        nonce,
        m.value(),
        gasLimit,
        m.gasFeeCap(),
        m.gasPremium(),
        m.method(),
        m.params());
  }
}
