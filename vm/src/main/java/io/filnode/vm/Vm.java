package io.filnode.vm;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.BufferedBlockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.gas.GasCharge;
import io.filnode.vm.gas.GasTracker;
import io.filnode.vm.gas.PriceList;

/**
 * The legacy (pre-FVM) Filecoin VM as Lotus v1.10.0's {@code chain/vm}: applies explicit messages
 * (fee checks, gas, refunds) and implicit ones (reward, cron) to a state tree held in a write
 * buffer, which {@link #flush()} writes through to the backing store. One instance per tipset or
 * message; not thread-safe.
 */
public final class Vm {
  /** Lotus's {@code MaxCallDepth}. */
  static final int MAX_CALL_DEPTH = 4096;

  /** Mainnet's Claus upgrade: after it, successful window PoSts burn no base fee. */
  private static final long UPGRADE_CLAUS_HEIGHT = 343_200;

  private static final long SUBMIT_WINDOWED_POST = 5;

  private final BufferedBlockstore buffer;
  private final IpldStore store;
  private final VmStateTree state;
  private final VmConfig config;
  private long epoch;

  public Vm(Blockstore backing, Cid stateRoot, long epoch, VmConfig config) {
    this.buffer = new BufferedBlockstore(backing);
    this.store = new IpldStore(buffer);
    this.state = new VmStateTree(store, stateRoot);
    this.config = config;
    this.epoch = epoch;
  }

  public VmStateTree state() {
    return state;
  }

  IpldStore store() {
    return store;
  }

  Blockstore blocks() {
    return buffer;
  }

  VmConfig config() {
    return config;
  }

  public long epoch() {
    return epoch;
  }

  public void setEpoch(long epoch) {
    this.epoch = epoch;
  }

  public int networkVersion() {
    return config.schedule().versionAt(epoch);
  }

  TokenAmount circSupply() {
    return config.circSupply().at(epoch, state);
  }

  /** Writes the state tree and copies the blocks it reaches into the backing store. */
  public Cid flush() {
    Cid root = state.flush();
    try {
      buffer.flush(root);
    } catch (CborException e) {
      throw new VmFatalException("copying the state out of the VM buffer: " + e.getMessage(), e);
    }
    return root;
  }

  /**
   * Applies an explicit message, as Lotus's {@code ApplyMessage}. {@code chainLength} is the size
   * of the message as it sits on chain (with its signature for a secp256k1 sender).
   *
   * @throws MessageApplyException when the message cannot be applied at all (malformed gas fields,
   *     or a fatal VM error)
   */
  public ApplyRet applyMessage(UnsignedMessage msg, int chainLength) throws MessageApplyException {
    if (msg.gasLimit() == 0) {
      throw new MessageApplyException("message has no gas limit set");
    }
    if (msg.gasLimit() < 0) {
      throw new MessageApplyException("message has negative gas limit");
    }
    try {
      return applyChecked(msg, chainLength);
    } catch (VmFatalException e) {
      throw new MessageApplyException("fatal error: " + e.getMessage(), e);
    }
  }

  private ApplyRet applyChecked(UnsignedMessage msg, int chainLength) {
    PriceList pl = PriceList.forNetworkVersion(networkVersion());
    GasCharge msgGas = pl.onChainMessage(chainLength);
    long msgGasCost = msgGas.total();
    TokenAmount baseFee = config.baseFee();
    if (msgGasCost > msg.gasLimit()) {
      return failure(
          ExitCode.SYS_ERR_OUT_OF_GAS,
          baseFee.multiply(msgGasCost),
          "message gas cost exceeds its limit");
    }
    TokenAmount minerPenalty = baseFee.multiply(msg.gasLimit());
    Actor from = state.getActor(msg.from());
    if (from == null) {
      return failure(
          ExitCode.SYS_ERR_SENDER_INVALID, minerPenalty, "actor not found: " + msg.from());
    }
    if (!isAccount(from.code())) {
      return failure(ExitCode.SYS_ERR_SENDER_INVALID, minerPenalty, "send from not account actor");
    }
    if (msg.nonce() != from.nonce()) {
      return failure(
          ExitCode.SYS_ERR_SENDER_STATE_INVALID,
          minerPenalty,
          "actor nonce invalid: msg:" + msg.nonce() + " != state:" + from.nonce());
    }
    TokenAmount gasCost = msg.gasFeeCap().multiply(msg.gasLimit());
    if (from.balance().compareTo(gasCost) < 0) {
      return failure(
          ExitCode.SYS_ERR_SENDER_STATE_INVALID, minerPenalty, "actor balance less than needed");
    }
    // withdraw the gas funds into the gas holder and bump the nonce
    state.setActor(
        msg.from(),
        new Actor(from.code(), from.head(), from.nonce() + 1, from.balance().subtract(gasCost)));
    GasHolder holder = new GasHolder(gasCost);

    state.snapshot();
    try {
      MessageContext mc =
          new MessageContext(msg.from(), msg.nonce(), msg.gasLimit(), pl, config.trace());
      CallMessage call =
          new CallMessage(msg.from(), msg.to(), msg.method(), msg.value(), msg.params());
      SendOutcome out = send(call, null, mc, msgGas);
      ActorException err = out.error();
      byte[] ret = out.ret();
      if (err == null && ret.length != 0) {
        try {
          out.runtime().charge(pl.onChainReturnValue(ret.length));
        } catch (ActorException e) {
          err = e;
          ret = new byte[0];
        }
      }
      int code = err == null ? ExitCode.OK : err.exitCode();
      if (code != ExitCode.OK) {
        state.revert();
      }
      long gasUsed = Math.max(0, mc.gas().used());
      boolean burn = shouldBurn(msg, code);
      GasOutputs go =
          GasOutputs.compute(
              gasUsed, msg.gasLimit(), baseFee, msg.gasFeeCap(), msg.gasPremium(), burn);
      holder.payTo(Builtin.BURNT_FUNDS_ACTOR_ADDR, go.baseFeeBurn());
      holder.payTo(Builtin.REWARD_ACTOR_ADDR, go.minerTip());
      holder.payTo(Builtin.BURNT_FUNDS_ACTOR_ADDR, go.overEstimationBurn());
      holder.payTo(msg.from(), go.refund());
      if (!holder.balance.isZero()) {
        throw new VmFatalException("gas handling math is wrong");
      }
      return new ApplyRet(
          new MessageReceipt(code, ret, gasUsed),
          go,
          err == null ? null : err.toString(),
          out.trace());
    } finally {
      state.clearSnapshot();
    }
  }

  /**
   * Applies an implicit message (reward, cron), as Lotus's {@code ApplyImplicitMessage}: no fee
   * checks, no gas funds, no revert of a failed execution, and a receipt with no gas used.
   *
   * @throws MessageApplyException on a fatal VM error
   */
  public ApplyRet applyImplicitMessage(UnsignedMessage msg) throws MessageApplyException {
    try {
      PriceList pl = PriceList.forNetworkVersion(networkVersion());
      MessageContext mc =
          new MessageContext(msg.from(), msg.nonce(), msg.gasLimit(), pl, config.trace());
      CallMessage call =
          new CallMessage(msg.from(), msg.to(), msg.method(), msg.value(), msg.params());
      SendOutcome out = send(call, null, mc, null);
      ActorException err = out.error();
      int code = err == null ? ExitCode.OK : err.exitCode();
      return new ApplyRet(
          new MessageReceipt(code, out.ret(), 0),
          null,
          err == null ? null : err.toString(),
          out.trace());
    } catch (VmFatalException e) {
      throw new MessageApplyException("fatal error: " + e.getMessage(), e);
    }
  }

  private boolean shouldBurn(UnsignedMessage msg, int code) {
    if (networkVersion() <= 12
        && epoch > UPGRADE_CLAUS_HEIGHT
        && code == ExitCode.OK
        && msg.method() == SUBMIT_WINDOWED_POST) {
      Actor to = state.getActor(msg.to());
      if (to != null && kindOf(to.code()) == ActorKind.STORAGE_MINER) {
        return false;
      }
    }
    return true;
  }

  private ApplyRet failure(int code, TokenAmount minerPenalty, String error) {
    return new ApplyRet(
        new MessageReceipt(code, new byte[0], 0),
        GasOutputs.penaltyOnly(minerPenalty),
        error,
        null);
  }

  static boolean isAccount(Cid code) {
    return kindOf(code) == ActorKind.ACCOUNT;
  }

  static ActorKind kindOf(Cid code) {
    return BuiltinActors.lookup(code).map(BuiltinActors.Code::kind).orElse(null);
  }

  /** The funds a message's gas is paid from while it executes (Lotus's gas holder actor). */
  private final class GasHolder {
    private TokenAmount balance;

    GasHolder(TokenAmount balance) {
      this.balance = balance;
    }

    void payTo(Address to, TokenAmount amount) {
      if (amount.signum() < 0) {
        throw new VmFatalException("attempted to transfer negative value from gas holder");
      }
      if (amount.isZero()) {
        return;
      }
      Actor a = state.getActor(to);
      if (a == null) {
        throw new VmFatalException("gas holder payee " + to + " not found");
      }
      if (balance.compareTo(amount) < 0) {
        throw new VmFatalException("gas holder: not enough funds");
      }
      balance = balance.subtract(amount);
      state.setActor(to, new Actor(a.code(), a.head(), a.nonce(), a.balance().add(amount)));
    }
  }

  // --- calls ---

  /** A call between actors (or the top-level call of a message). */
  record CallMessage(Address from, Address to, long method, TokenAmount value, byte[] params) {}

  /** What a call gave back: its return bytes, its abort (or null) and its runtime. */
  record SendOutcome(byte[] ret, ActorException error, VmRuntime runtime, CallTrace trace) {}

  /**
   * Lotus's {@code vm.send}: makes the callee's runtime (which may abort the caller), charges the
   * initial charge, creates an account for an unknown key address, charges the invocation,
   * transfers the value and runs the method.
   */
  SendOutcome send(CallMessage msg, VmRuntime parent, MessageContext mc, GasCharge initial) {
    int nv = networkVersion();
    int depth = 0;
    if (parent != null) {
      if (!parent.allowInternal() && nv >= 7) {
        throw new ActorException(ExitCode.SYS_ERR_FORBIDDEN, "internal calls currently disabled");
      }
      depth = parent.depth() + 1;
    }
    if (depth > MAX_CALL_DEPTH && nv >= 6) {
      throw new ActorException(ExitCode.SYS_ERR_FORBIDDEN, "message execution exceeds call depth");
    }
    Address from =
        state
            .lookupId(msg.from())
            .orElseThrow(
                () ->
                    new ActorException(
                        ExitCode.SYS_ERR_INVALID_RECEIVER, "resolve msg.From address failed"));
    Address to = state.lookupId(msg.to()).orElse(null);
    CallTrace trace =
        mc.traced()
            ? new CallTrace(msg.from(), msg.to(), msg.method(), msg.value(), msg.params())
            : null;
    if (trace != null && parent != null && parent.trace() != null) {
      parent.trace().subcalls().add(trace);
    }
    VmRuntime rt = new VmRuntime(this, mc, depth, from, to, msg.value(), trace);
    byte[] ret = new byte[0];
    ActorException err = null;
    try {
      if (initial != null) {
        rt.charge(initial);
      }
      rt.mark("OnGetActor");
      Actor toActor = state.getActor(msg.to());
      if (toActor == null) {
        Address id = tryCreateAccountActor(rt, msg.to());
        toActor = state.getActor(id);
        rt.setReceiver(id);
      }
      rt.charge(rt.priceList().onMethodInvocation(msg.value(), msg.method()));
      if (!msg.value().isZero()) {
        transfer(msg.from(), msg.to(), msg.value());
      }
      if (msg.method() != 0) {
        rt.mark("OnActorExec");
        ret = rt.invoke(toActor, msg.method(), msg.params());
      }
      rt.mark("OnMethodInvocationDone");
    } catch (ActorException e) {
      err = e;
      ret = new byte[0];
    }
    if (trace != null) {
      trace.finish(
          err == null ? 0 : err.exitCode(),
          err == null ? null : err.getMessage(),
          ret,
          mc.gas().used());
    }
    return new SendOutcome(ret, err, rt, trace);
  }

  /** Lotus's {@code TryCreateAccountActor}: a new account actor for a key address. */
  private Address tryCreateAccountActor(VmRuntime rt, Address address) {
    rt.charge(rt.priceList().onCreateActor());
    if (rt.networkVersion() >= 10 && isZeroBlsAddress(address)) {
      throw new ActorException(ExitCode.ERR_ILLEGAL_ARGUMENT, "cannot create the zero bls actor");
    }
    Address id = state.registerNewAddress(address);
    Cid code =
        switch (address.protocol()) {
          case BLS, SECP256K1 ->
              BuiltinActors.codeCid(
                  ActorKind.ACCOUNT, ActorRegistry.actorsVersionFor(rt.networkVersion()));
          case ID ->
              throw new ActorException(
                  ExitCode.SYS_ERR_INVALID_RECEIVER, "no actor with given ID: " + address);
          case ACTOR ->
              throw new ActorException(
                  ExitCode.SYS_ERR_INVALID_RECEIVER, "no such actor: " + address);
        };
    state.setActor(id, new Actor(code, VmRuntime.EMPTY_OBJECT_CID, 0, TokenAmount.ZERO));
    CallMessage ctor =
        new CallMessage(
            Builtin.SYSTEM_ACTOR_ADDR,
            id,
            Builtin.METHOD_CONSTRUCTOR,
            TokenAmount.ZERO,
            addressCbor(address));
    SendOutcome out = rt.internalSend(ctor);
    if (out.error() != null) {
      throw new ActorException(
          out.error().exitCode(), "failed to invoke account constructor: " + out.error());
    }
    return id;
  }

  private static byte[] addressCbor(Address a) {
    CborWriter w = new CborWriter();
    a.encode(w);
    return w.toByteArray();
  }

  private static boolean isZeroBlsAddress(Address a) {
    if (a.protocol() != Protocol.BLS) {
      return false;
    }
    byte[] p = a.payload();
    if (p[0] != (byte) 0xc0) {
      return false;
    }
    for (int i = 1; i < p.length; i++) {
      if (p[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Lotus's {@code vm.transfer}. */
  void transfer(Address from, Address to, TokenAmount amount) {
    if (from.equals(to)) {
      return;
    }
    Address fromId =
        state
            .lookupId(from)
            .orElseThrow(() -> new VmFatalException("transfer: sender " + from + " not found"));
    Address toId =
        state
            .lookupId(to)
            .orElseThrow(() -> new VmFatalException("transfer: receiver " + to + " not found"));
    if (fromId.equals(toId)) {
      return;
    }
    if (amount.signum() < 0) {
      throw new ActorException(
          ExitCode.SYS_ERR_FORBIDDEN, "attempted to transfer negative value: " + amount);
    }
    Actor f = state.getActor(fromId);
    Actor t = state.getActor(toId);
    if (f == null || t == null) {
      throw new VmFatalException("transfer: actor missing");
    }
    if (f.balance().compareTo(amount) < 0) {
      throw new ActorException(
          ExitCode.SYS_ERR_INSUFFICIENT_FUNDS, "transfer failed when deducting funds " + amount);
    }
    state.setActor(fromId, new Actor(f.code(), f.head(), f.nonce(), f.balance().subtract(amount)));
    state.setActor(toId, new Actor(t.code(), t.head(), t.nonce(), t.balance().add(amount)));
  }

  /** The state one message shares across its call stack. */
  static final class MessageContext {
    private final Address origin;
    private final long originNonce;
    private final GasTracker gas;
    private final PriceList priceList;
    private final boolean traced;
    private long numActorsCreated;

    MessageContext(
        Address origin, long originNonce, long gasLimit, PriceList priceList, boolean traced) {
      this.origin = origin;
      this.originNonce = originNonce;
      this.gas = new GasTracker(gasLimit);
      this.priceList = priceList;
      this.traced = traced;
    }

    Address origin() {
      return origin;
    }

    long originNonce() {
      return originNonce;
    }

    GasTracker gas() {
      return gas;
    }

    PriceList priceList() {
      return priceList;
    }

    boolean traced() {
      return traced;
    }

    long nextActorSeq() {
      return numActorsCreated++;
    }
  }
}
