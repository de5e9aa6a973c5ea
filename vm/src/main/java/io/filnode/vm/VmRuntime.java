package io.filnode.vm;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ConsensusFault;
import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.runtime.SendResult;
import io.filnode.actors.runtime.SyscallException;
import io.filnode.actors.runtime.proof.PieceInfo;
import io.filnode.actors.runtime.proof.SealVerifyInfo;
import io.filnode.actors.runtime.proof.WindowPoStVerifyInfo;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.state.Actor;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.gas.GasCharge;
import io.filnode.vm.gas.PriceList;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The runtime of one actor call, Lotus v1.10.0's {@code vm.Runtime}: caller validation, sends with
 * snapshot and revert, actor creation and deletion, state access, the gas-charging store, and the
 * priced syscalls.
 */
final class VmRuntime implements Runtime {
  /** The head of an actor without state: the CID of the empty CBOR array. */
  static final Cid EMPTY_OBJECT_CID = Cid.ofDagCbor(new byte[] {(byte) 0x80});

  private final Vm vm;
  private final Vm.MessageContext mc;
  private final int depth;
  private final Address caller;
  private Address receiver;
  private final TokenAmount value;
  private final CallTrace trace;
  private final IpldStore chargedStore;
  private final VmSyscalls syscalls;
  private boolean allowInternal = true;
  private boolean callerValidated;

  VmRuntime(
      Vm vm,
      Vm.MessageContext mc,
      int depth,
      Address caller,
      Address receiver,
      TokenAmount value,
      CallTrace trace) {
    this.vm = vm;
    this.mc = mc;
    this.depth = depth;
    this.caller = caller;
    this.receiver = receiver;
    this.value = value;
    this.trace = trace;
    this.chargedStore = new IpldStore(new ChargingBlockstore(this, vm.blocks()));
    this.syscalls = new VmSyscalls(vm, this);
  }

  // --- VM internals ---

  int depth() {
    return depth;
  }

  boolean allowInternal() {
    return allowInternal;
  }

  CallTrace trace() {
    return trace;
  }

  PriceList priceList() {
    return mc.priceList();
  }

  void setReceiver(Address id) {
    this.receiver = id;
  }

  /** Charges gas against the message's limit; aborts with SysErrOutOfGas past it. */
  void charge(GasCharge charge) {
    if (trace != null) {
      trace.charges().add(charge);
    }
    mc.gas().charge(charge);
  }

  /** Records a free marker charge in the trace. */
  void mark(String name) {
    if (trace != null) {
      trace.charges().add(GasCharge.marker(name));
    }
  }

  /**
   * Runs {@code method} of {@code actor} as Lotus's invoker and {@code shimCall}: unknown code or a
   * code of another actors version is SysErrorIllegalActor; a method that returns without
   * validating its caller is SysErrorIllegalActor; any other exception from actor code is a
   * spec-actors failure (SysErrReserved1 from network version 4 on).
   */
  byte[] invoke(Actor actor, long method, byte[] params) {
    ActorRegistry.Entry entry = vm.config().registry().get(actor.code());
    if (entry == null) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ACTOR, "no code for actor " + actor.code() + "(" + method + ")");
    }
    if (!ActorRegistry.allowed(entry, networkVersion())) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ACTOR, "unsupported actor: " + actor.code());
    }
    byte[] ret;
    try {
      ret = entry.code().invoke(this, method, params == null ? new byte[0] : params);
    } catch (ActorException | VmFatalException e) {
      throw e;
    } catch (RuntimeException e) {
      int code = networkVersion() <= 3 ? 1 : ExitCode.SYS_ERR_RESERVED_1;
      throw new ActorException(code, "spec actors failure: " + e, e);
    }
    if (!callerValidated) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ACTOR, "Caller MUST be validated during method execution");
    }
    return ret == null ? new byte[0] : ret;
  }

  /** Lotus's {@code internalSend}: a nested call inside a state snapshot, reverted on failure. */
  Vm.SendOutcome internalSend(Vm.CallMessage msg) {
    VmStateTree st = vm.state();
    st.snapshot();
    try {
      Vm.SendOutcome out = vm.send(msg, this, mc, null);
      if (out.error() != null) {
        st.revert();
      }
      return out;
    } finally {
      st.clearSnapshot();
    }
  }

  // --- Message ---

  @Override
  public Address caller() {
    return caller;
  }

  @Override
  public Address receiver() {
    return receiver;
  }

  @Override
  public TokenAmount valueReceived() {
    return value;
  }

  // --- Chain ---

  @Override
  public int networkVersion() {
    return vm.networkVersion();
  }

  @Override
  public long currEpoch() {
    return vm.epoch();
  }

  @Override
  public TokenAmount totalFilCircSupply() {
    return vm.circSupply();
  }

  // --- Caller validation ---

  private void abortIfAlreadyValidated() {
    if (callerValidated) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ACTOR, "Method must validate caller identity exactly once");
    }
    callerValidated = true;
  }

  @Override
  public void validateImmediateCallerAcceptAny() {
    abortIfAlreadyValidated();
  }

  @Override
  public void validateImmediateCallerIs(Address... addresses) {
    abortIfAlreadyValidated();
    for (Address a : addresses) {
      if (caller.equals(a)) {
        return;
      }
    }
    throw new ActorException(
        ExitCode.SYS_ERR_FORBIDDEN, "caller " + caller + " is not one of the allowed addresses");
  }

  @Override
  public void validateImmediateCallerType(Cid... codes) {
    abortIfAlreadyValidated();
    Actor a = vm.state().getActor(caller);
    if (a == null) {
      throw new VmFatalException("failed to lookup code cid for caller");
    }
    for (Cid c : codes) {
      if (a.code().equals(c)) {
        return;
      }
    }
    throw new ActorException(
        ExitCode.SYS_ERR_FORBIDDEN, "caller cid type " + a.code() + " was not one of the allowed");
  }

  // --- Actors ---

  @Override
  public TokenAmount currentBalance() {
    Actor a = vm.state().getActor(receiver);
    return a == null ? TokenAmount.ZERO : a.balance();
  }

  @Override
  public Optional<Address> resolveAddress(Address address) {
    return vm.state().lookupId(address);
  }

  @Override
  public Optional<Cid> getActorCodeCid(Address address) {
    Actor a = vm.state().getActor(address);
    return a == null ? Optional.empty() : Optional.of(a.code());
  }

  @Override
  public Address newActorAddress() {
    Address origin = keyAddress(mc.origin(), vm.store());
    CborWriter w = new CborWriter();
    origin.encode(w);
    byte[] addr = w.toByteArray();
    ByteBuffer b = ByteBuffer.allocate(addr.length + 16);
    b.put(addr);
    b.putLong(mc.originNonce());
    b.putLong(mc.nextActorSeq());
    return Address.newActor(b.array());
  }

  @Override
  public void createActor(Cid code, Address address) {
    if (address == null && networkVersion() >= 7) {
      throw new ActorException(ExitCode.SYS_ERR_ILLEGAL_ARGUMENT, "CreateActor with Undef address");
    }
    ActorRegistry.Entry entry = code == null ? null : vm.config().registry().get(code);
    if (entry == null) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ARGUMENT, "Can only create built-in actors.");
    }
    if (!ActorRegistry.allowed(entry, networkVersion())) {
      throw new ActorException(ExitCode.SYS_ERR_ILLEGAL_ARGUMENT, "Cannot create actor " + code);
    }
    if (entry.singleton()) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ARGUMENT, "Can only have one instance of singleton actors.");
    }
    if (address == null) {
      // before version 7 Lotus goes on with the undefined address, which no state tree resolves
      throw new VmFatalException("creating actor entry: undefined address");
    }
    if (vm.state().getActor(address) != null) {
      throw new ActorException(ExitCode.SYS_ERR_ILLEGAL_ARGUMENT, "Actor address already exists");
    }
    charge(priceList().onCreateActor());
    vm.state().setActor(address, new Actor(code, EMPTY_OBJECT_CID, 0, TokenAmount.ZERO));
    mark("OnActorExec");
  }

  @Override
  public void deleteActor(Address beneficiary) {
    charge(priceList().onDeleteActor());
    Actor act = vm.state().getActor(receiver);
    if (act == null) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ACTOR, "failed to load actor in delete actor");
    }
    if (!act.balance().isZero()) {
      if (networkVersion() >= 7) {
        Optional<Address> id = vm.state().lookupId(beneficiary);
        if (id.isEmpty()) {
          throw new ActorException(ExitCode.SYS_ERR_ILLEGAL_ARGUMENT, "beneficiary doesn't exist");
        }
        if (id.get().equals(receiver)) {
          throw new ActorException(
              ExitCode.SYS_ERR_ILLEGAL_ARGUMENT, "benefactor cannot be beneficiary");
        }
      }
      try {
        vm.transfer(receiver, beneficiary, act.balance());
      } catch (ActorException e) {
        throw new VmFatalException("failed to transfer balance to beneficiary actor: " + e, e);
      }
    }
    vm.state().deleteActor(receiver);
    mark("OnActorExec");
  }

  // --- Randomness ---

  @Override
  public byte[] getRandomnessFromTickets(DomainSeparationTag tag, long epoch, byte[] entropy) {
    return vm.config().randomness().chainRandomness(tag, epoch, entropy);
  }

  @Override
  public byte[] getRandomnessFromBeacon(DomainSeparationTag tag, long epoch, byte[] entropy) {
    return vm.config().randomness().beaconRandomness(tag, epoch, entropy);
  }

  // --- Sending ---

  @Override
  public SendResult send(Address to, long method, CborEncodable params, TokenAmount value) {
    if (!allowInternal) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ACTOR, "runtime.Send() is currently disallowed");
    }
    byte[] p = params == null ? new byte[0] : params.toCbor();
    Vm.SendOutcome out = internalSend(new Vm.CallMessage(receiver, to, method, value, p));
    if (out.error() != null) {
      return SendResult.failed(out.error().exitCode());
    }
    mark("OnActorExec");
    return SendResult.ok(out.ret());
  }

  // --- State ---

  @Override
  public void stateCreate(CborEncodable state) {
    Cid c = storePut(state);
    stateCommit(EMPTY_OBJECT_CID, c);
  }

  @Override
  public <S> S stateReadonly(CborReader.Decoder<S> decoder) {
    Actor act = vm.state().getActor(receiver);
    if (act == null) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ARGUMENT, "failed to get actor for Readonly state");
    }
    return storeGet(act.head(), decoder);
  }

  @Override
  public <S extends CborEncodable, R> R stateTransaction(
      CborReader.Decoder<S> decoder, Function<S, R> body) {
    Actor act = vm.state().getActor(receiver);
    if (act == null) {
      throw new ActorException(
          ExitCode.SYS_ERR_ILLEGAL_ACTOR, "failed to get actor for Transaction");
    }
    Cid base = act.head();
    S st = storeGet(base, decoder);
    allowInternal = false;
    R result = body.apply(st);
    allowInternal = true;
    Cid c = storePut(st);
    stateCommit(base, c);
    return result;
  }

  /**
   * Points the receiver at its new state; a head that moved meanwhile is a plain error in Lotus
   * (not an actor error), so it surfaces as a spec-actors failure.
   */
  private void stateCommit(Cid oldHead, Cid newHead) {
    Actor act = vm.state().getActor(receiver);
    if (act == null) {
      throw new IllegalStateException("failed to get actor to commit state");
    }
    if (!act.head().equals(oldHead)) {
      throw new IllegalStateException("failed to update, inconsistent base reference");
    }
    vm.state().setActor(receiver, act.withHead(newHead));
  }

  // --- Store ---

  @Override
  public <T> T storeGet(Cid cid, CborReader.Decoder<T> decoder) {
    byte[] data = chargedStore.blockstore().get(cid);
    try {
      return CborReader.decodeWhole(data, "object " + cid, decoder);
    } catch (CborException e) {
      throw new ActorException(
          ExitCode.ERR_SERIALIZATION, "failed to unmarshal cbor object " + e.getMessage(), e);
    }
  }

  @Override
  public Cid storePut(CborEncodable value) {
    return chargedStore.put(value);
  }

  @Override
  public IpldStore store() {
    return chargedStore;
  }

  @Override
  public void chargeGas(String name, long gas) {
    charge(new GasCharge(name, gas, 0));
  }

  // --- Syscalls (priced as Lotus's pricedSyscalls) ---

  @Override
  public void verifySignature(Signature signature, Address signer, byte[] plaintext)
      throws SyscallException {
    charge(priceList().onVerifySignature(signature.type()));
    try {
      syscalls.verifySignature(signature, signer, plaintext);
    } finally {
      mark("OnActorExec");
    }
  }

  @Override
  public byte[] hashBlake2b(byte[] data) {
    charge(priceList().onHashing(data.length));
    mark("OnActorExec");
    return Blake2b.sum256(data);
  }

  @Override
  public Cid computeUnsealedSectorCid(long sealProof, List<PieceInfo> pieces)
      throws SyscallException {
    charge(priceList().onComputeUnsealedSectorCid());
    try {
      return vm.config().proofs().generateUnsealedCid(sealProof, pieces);
    } finally {
      mark("OnActorExec");
    }
  }

  @Override
  public void verifySeal(SealVerifyInfo info) throws SyscallException {
    charge(priceList().onVerifySeal());
    try {
      syscalls.verifySeal(info);
    } finally {
      mark("OnActorExec");
    }
  }

  @Override
  public Map<Address, List<Boolean>> batchVerifySeals(Map<Address, List<SealVerifyInfo>> seals) {
    // Lotus charges only virtual gas here: the power actor charges the real gas itself
    mark("BatchVerifySeals");
    Map<Address, List<Boolean>> out = new LinkedHashMap<>();
    for (Map.Entry<Address, List<SealVerifyInfo>> e : seals.entrySet()) {
      List<Boolean> results = new ArrayList<>();
      for (SealVerifyInfo info : e.getValue()) {
        results.add(vm.config().proofs().verifySeal(info));
      }
      out.put(e.getKey(), results);
    }
    mark("OnActorExec");
    return out;
  }

  @Override
  public void verifyPoSt(WindowPoStVerifyInfo info) throws SyscallException {
    long proofType = info.proofs().isEmpty() ? 0 : info.proofs().get(0).postProof();
    charge(priceList().onVerifyPost(proofType, info.challengedSectors().size()));
    try {
      syscalls.verifyPoSt(info);
    } finally {
      mark("OnActorExec");
    }
  }

  @Override
  public ConsensusFault verifyConsensusFault(byte[] header1, byte[] header2, byte[] extra)
      throws SyscallException {
    charge(priceList().onVerifyConsensusFault());
    try {
      return syscalls.verifyConsensusFault(header1, header2, extra);
    } finally {
      mark("OnActorExec");
    }
  }

  /**
   * Lotus's {@code ResolveToKeyAddr}: a key address is itself; otherwise the account actor's state
   * names it (read through {@code store}, which may charge gas).
   */
  Address keyAddress(Address address, IpldStore store) {
    try {
      return resolveKey(address, store);
    } catch (SyscallException e) {
      throw new VmFatalException(e.getMessage(), e);
    }
  }

  Address resolveKey(Address address, IpldStore store) throws SyscallException {
    switch (address.protocol()) {
      case BLS, SECP256K1 -> {
        return address;
      }
      default -> {}
    }
    Actor act = vm.state().getActor(address);
    if (act == null) {
      throw new SyscallException("failed to find actor: " + address);
    }
    if (!Vm.isAccount(act.code())) {
      throw new SyscallException("actor " + address + " is not an account actor");
    }
    try {
      byte[] data = store.blockstore().get(act.head());
      if (data == null) {
        throw new SyscallException("account state of " + address + " is not in the store");
      }
      return CborReader.decodeWhole(
          data,
          "account state",
          r -> {
            r.readTupleHeader(1, "account state");
            return Address.decode(r);
          });
    } catch (CborException e) {
      throw new SyscallException("failed to get account actor state for " + address, e);
    }
  }
}
