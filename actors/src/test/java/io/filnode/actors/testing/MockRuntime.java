package io.filnode.actors.testing;

import io.filnode.actors.runtime.ActorCode;
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
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A runtime for actor unit tests, as specs-actors' {@code support/mock}: the test sets the caller,
 * balance, epoch and address book, declares what the actor is expected to do (validate its caller,
 * send, draw randomness, call syscalls, create or delete actors), calls a method, and then {@link
 * #verify()} checks that every expectation was met. Anything unexpected fails the test with an
 * {@link AssertionError}, which actor code cannot catch as an abort.
 */
public final class MockRuntime implements Runtime {
  private final MemoryBlockstore blocks = new MemoryBlockstore();
  private final IpldStore store = new IpldStore(blocks);

  private final Address receiver;
  private Address caller;
  private Cid callerType;
  private TokenAmount valueReceived = TokenAmount.ZERO;
  private TokenAmount balance = TokenAmount.ZERO;
  private TokenAmount circulatingSupply = TokenAmount.ZERO;
  private long epoch;
  private int networkVersion = 4;
  private Cid stateRoot;
  private Address newActorAddress;
  private Function<byte[], byte[]> hasher = Blake2b::sum256;

  private final Map<Address, Cid> actorCodes = new HashMap<>();
  private final Map<Address, Address> idAddresses = new HashMap<>();

  private boolean inCall;
  private boolean inTransaction;
  private boolean callerValidated;

  private List<Address> expectCallerAddrs;
  private List<Cid> expectCallerTypes;
  private boolean expectCallerAny;
  private final Deque<ExpectedSend> expectedSends = new ArrayDeque<>();
  private final Deque<ExpectedRandomness> expectedRandomness = new ArrayDeque<>();
  private final Deque<ExpectedSignature> expectedSignatures = new ArrayDeque<>();
  private final Deque<ExpectedCall<SealVerifyInfo, Void>> expectedSeals = new ArrayDeque<>();
  private final Deque<ExpectedCall<WindowPoStVerifyInfo, Void>> expectedPosts = new ArrayDeque<>();
  private final Deque<ExpectedCall<Map<Address, List<SealVerifyInfo>>, Map<Address, List<Boolean>>>>
      expectedBatchSeals = new ArrayDeque<>();
  private final Deque<ExpectedCall<List<Object>, Cid>> expectedUnsealed = new ArrayDeque<>();
  private final Deque<ExpectedCall<List<byte[]>, ConsensusFault>> expectedFaults =
      new ArrayDeque<>();
  private ExpectedCreate expectedCreate;
  private Address expectedDeleteBeneficiary;
  private long gasCharged;

  /** An expected send: what the actor must send, and what the callee answers. */
  private record ExpectedSend(
      Address to, long method, byte[] params, TokenAmount value, byte[] ret, int exitCode) {}

  private record ExpectedRandomness(
      boolean beacon, DomainSeparationTag tag, long epoch, byte[] entropy, byte[] out) {}

  private record ExpectedSignature(
      Signature signature, Address signer, byte[] plaintext, boolean valid) {}

  private record ExpectedCall<I, O>(I input, O output, String error) {}

  private record ExpectedCreate(Cid code, Address address) {}

  public MockRuntime(Address receiver) {
    this.receiver = receiver;
    this.caller = receiver;
  }

  // --- setup ---

  public MockRuntime setCaller(Address address, Cid actorType) {
    this.caller = address;
    this.callerType = actorType;
    actorCodes.put(address, actorType);
    return this;
  }

  public MockRuntime setAddressActorType(Address address, Cid actorType) {
    actorCodes.put(address, actorType);
    return this;
  }

  public MockRuntime addIdAddress(Address source, Address id) {
    idAddresses.put(source, id);
    return this;
  }

  public MockRuntime setBalance(TokenAmount amount) {
    this.balance = amount;
    return this;
  }

  public MockRuntime setReceived(TokenAmount amount) {
    this.valueReceived = amount;
    return this;
  }

  public MockRuntime setEpoch(long epoch) {
    this.epoch = epoch;
    return this;
  }

  public MockRuntime setNetworkVersion(int version) {
    this.networkVersion = version;
    return this;
  }

  public MockRuntime setCirculatingSupply(TokenAmount amount) {
    this.circulatingSupply = amount;
    return this;
  }

  public MockRuntime setNewActorAddress(Address address) {
    this.newActorAddress = address;
    return this;
  }

  public MockRuntime setHasher(Function<byte[], byte[]> hasher) {
    this.hasher = hasher;
    return this;
  }

  /** Replaces the receiver's state outright. */
  public void replaceState(CborEncodable state) {
    stateRoot = store.put(state);
  }

  /** The receiver's current state, decoded. */
  public <S> S getState(CborReader.Decoder<S> decoder) {
    if (stateRoot == null) {
      throw new AssertionError("the actor has no state");
    }
    try {
      return store.get(stateRoot, "state", decoder);
    } catch (CborException e) {
      throw new AssertionError("state does not decode", e);
    }
  }

  public Cid stateRoot() {
    return stateRoot;
  }

  public TokenAmount balance() {
    return balance;
  }

  public long epoch() {
    return epoch;
  }

  public long gasCharged() {
    return gasCharged;
  }

  // --- expectations ---

  public void expectValidateCallerAny() {
    expectCallerAny = true;
  }

  public void expectValidateCallerAddr(Address... addresses) {
    expectCallerAddrs = List.of(addresses);
  }

  public void expectValidateCallerType(Cid... types) {
    expectCallerTypes = List.of(types);
  }

  /** Expects a send; {@code params} and {@code ret} may be null (none). */
  public void expectSend(
      Address to,
      long method,
      CborEncodable params,
      TokenAmount value,
      CborEncodable ret,
      int exitCode) {
    expectedSends.add(
        new ExpectedSend(
            to,
            method,
            params == null ? new byte[0] : params.toCbor(),
            value,
            ret == null ? new byte[0] : ret.toCbor(),
            exitCode));
  }

  public void expectGetRandomnessTickets(
      DomainSeparationTag tag, long epoch, byte[] entropy, byte[] out) {
    expectedRandomness.add(new ExpectedRandomness(false, tag, epoch, entropy, out));
  }

  public void expectGetRandomnessBeacon(
      DomainSeparationTag tag, long epoch, byte[] entropy, byte[] out) {
    expectedRandomness.add(new ExpectedRandomness(true, tag, epoch, entropy, out));
  }

  public void expectVerifySignature(
      Signature signature, Address signer, byte[] plaintext, boolean valid) {
    expectedSignatures.add(new ExpectedSignature(signature, signer, plaintext, valid));
  }

  /** Expects a seal check; {@code error} null means it passes. */
  public void expectVerifySeal(SealVerifyInfo info, String error) {
    expectedSeals.add(new ExpectedCall<>(info, null, error));
  }

  public void expectVerifyPoSt(WindowPoStVerifyInfo info, String error) {
    expectedPosts.add(new ExpectedCall<>(info, null, error));
  }

  public void expectBatchVerifySeals(
      Map<Address, List<SealVerifyInfo>> in, Map<Address, List<Boolean>> out, String error) {
    expectedBatchSeals.add(new ExpectedCall<>(in, out, error));
  }

  public void expectComputeUnsealedSectorCid(
      long sealProof, List<PieceInfo> pieces, Cid out, String error) {
    expectedUnsealed.add(new ExpectedCall<>(List.of(sealProof, pieces), out, error));
  }

  public void expectVerifyConsensusFault(
      byte[] h1, byte[] h2, byte[] extra, ConsensusFault out, String error) {
    expectedFaults.add(new ExpectedCall<>(List.of(h1, h2, extra), out, error));
  }

  public void expectCreateActor(Cid code, Address address) {
    expectedCreate = new ExpectedCreate(code, address);
  }

  public void expectDeleteActor(Address beneficiary) {
    expectedDeleteBeneficiary = beneficiary;
  }

  // --- calling ---

  /** Calls {@code method} of {@code actor} as the VM would, and returns its CBOR return value. */
  public byte[] call(ActorCode actor, long method, CborEncodable params) {
    if (inCall) {
      throw new AssertionError("nested call");
    }
    inCall = true;
    callerValidated = false;
    try {
      byte[] ret = actor.invoke(this, method, params == null ? new byte[0] : params.toCbor());
      if (!callerValidated) {
        throw new AssertionError("the method did not validate its caller");
      }
      return ret;
    } finally {
      inCall = false;
    }
  }

  /** Calls and decodes the return value. */
  public <T> T call(
      ActorCode actor, long method, CborEncodable params, CborReader.Decoder<T> decoder) {
    byte[] ret = call(actor, method, params);
    try {
      return CborReader.decodeWhole(ret, "return value", decoder);
    } catch (CborException e) {
      throw new AssertionError("return value does not decode", e);
    }
  }

  /** Expects {@code body} to abort with {@code exitCode}; state changes of the call are undone. */
  public void expectAbort(int exitCode, Runnable body) {
    Cid before = stateRoot;
    try {
      body.run();
    } catch (ActorException e) {
      if (e.exitCode() != exitCode) {
        throw new AssertionError(
            "expected abort with "
                + ExitCode.name(exitCode)
                + " but got "
                + ExitCode.name(e.exitCode())
                + ": "
                + e.getMessage(),
            e);
      }
      stateRoot = before;
      reset();
      return;
    }
    throw new AssertionError("expected abort with " + ExitCode.name(exitCode) + ", none came");
  }

  /** Checks that every expectation was consumed, then clears them. */
  public void verify() {
    List<String> unmet = new ArrayList<>();
    if (expectCallerAny || expectCallerAddrs != null || expectCallerTypes != null) {
      unmet.add("caller validation");
    }
    if (!expectedSends.isEmpty()) {
      unmet.add("sends " + expectedSends);
    }
    if (!expectedRandomness.isEmpty()) {
      unmet.add("randomness " + expectedRandomness.size());
    }
    if (!expectedSignatures.isEmpty()) {
      unmet.add("signature checks " + expectedSignatures.size());
    }
    if (!expectedSeals.isEmpty() || !expectedPosts.isEmpty() || !expectedBatchSeals.isEmpty()) {
      unmet.add("proof checks");
    }
    if (!expectedUnsealed.isEmpty() || !expectedFaults.isEmpty()) {
      unmet.add("syscalls");
    }
    if (expectedCreate != null) {
      unmet.add("create actor " + expectedCreate);
    }
    if (expectedDeleteBeneficiary != null) {
      unmet.add("delete actor");
    }
    reset();
    if (!unmet.isEmpty()) {
      throw new AssertionError("expectations not met: " + unmet);
    }
  }

  /** Clears every expectation and the value received. */
  public void reset() {
    expectCallerAny = false;
    expectCallerAddrs = null;
    expectCallerTypes = null;
    expectedSends.clear();
    expectedRandomness.clear();
    expectedSignatures.clear();
    expectedSeals.clear();
    expectedPosts.clear();
    expectedBatchSeals.clear();
    expectedUnsealed.clear();
    expectedFaults.clear();
    expectedCreate = null;
    expectedDeleteBeneficiary = null;
    valueReceived = TokenAmount.ZERO;
  }

  // --- Runtime ---

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
    return valueReceived;
  }

  @Override
  public int networkVersion() {
    return networkVersion;
  }

  @Override
  public long currEpoch() {
    return epoch;
  }

  @Override
  public TokenAmount totalFilCircSupply() {
    return circulatingSupply;
  }

  private void markValidated() {
    if (callerValidated) {
      throw new ActorException(ExitCode.SYS_ERR_ILLEGAL_ACTOR, "caller validated twice");
    }
    callerValidated = true;
  }

  @Override
  public void validateImmediateCallerAcceptAny() {
    markValidated();
    if (!expectCallerAny) {
      throw new AssertionError("unexpected validateImmediateCallerAcceptAny");
    }
    expectCallerAny = false;
  }

  @Override
  public void validateImmediateCallerIs(Address... addresses) {
    markValidated();
    if (expectCallerAddrs == null) {
      throw new AssertionError(
          "unexpected validateImmediateCallerIs " + Arrays.toString(addresses));
    }
    if (!expectCallerAddrs.equals(List.of(addresses))) {
      throw new AssertionError(
          "validateImmediateCallerIs "
              + Arrays.toString(addresses)
              + ", expected "
              + expectCallerAddrs);
    }
    expectCallerAddrs = null;
    if (!List.of(addresses).contains(caller)) {
      throw new ActorException(ExitCode.SYS_ERR_FORBIDDEN, "caller " + caller + " not allowed");
    }
  }

  @Override
  public void validateImmediateCallerType(Cid... codes) {
    markValidated();
    if (expectCallerTypes == null) {
      throw new AssertionError("unexpected validateImmediateCallerType " + Arrays.toString(codes));
    }
    if (!expectCallerTypes.equals(List.of(codes))) {
      throw new AssertionError(
          "validateImmediateCallerType "
              + Arrays.toString(codes)
              + ", expected "
              + expectCallerTypes);
    }
    expectCallerTypes = null;
    if (callerType == null || !List.of(codes).contains(callerType)) {
      throw new ActorException(
          ExitCode.SYS_ERR_FORBIDDEN, "caller type " + callerType + " not allowed");
    }
  }

  @Override
  public TokenAmount currentBalance() {
    return balance;
  }

  @Override
  public Optional<Address> resolveAddress(Address address) {
    if (address.protocol() == io.filnode.chain.address.Protocol.ID) {
      return Optional.of(address);
    }
    return Optional.ofNullable(idAddresses.get(address));
  }

  @Override
  public Optional<Cid> getActorCodeCid(Address address) {
    return Optional.ofNullable(actorCodes.get(address));
  }

  @Override
  public Address newActorAddress() {
    if (newActorAddress == null) {
      throw new AssertionError("unexpected newActorAddress");
    }
    return newActorAddress;
  }

  @Override
  public void createActor(Cid code, Address address) {
    if (expectedCreate == null) {
      throw new AssertionError("unexpected createActor " + code + " at " + address);
    }
    if (!expectedCreate.equals(new ExpectedCreate(code, address))) {
      throw new AssertionError(
          "createActor " + code + " " + address + ", expected " + expectedCreate);
    }
    expectedCreate = null;
  }

  @Override
  public void deleteActor(Address beneficiary) {
    if (!Objects.equals(expectedDeleteBeneficiary, beneficiary)) {
      throw new AssertionError(
          "deleteActor(" + beneficiary + "), expected " + expectedDeleteBeneficiary);
    }
    expectedDeleteBeneficiary = null;
  }

  @Override
  public byte[] getRandomnessFromTickets(DomainSeparationTag tag, long epoch, byte[] entropy) {
    return randomness(false, tag, epoch, entropy);
  }

  @Override
  public byte[] getRandomnessFromBeacon(DomainSeparationTag tag, long epoch, byte[] entropy) {
    return randomness(true, tag, epoch, entropy);
  }

  private byte[] randomness(boolean beacon, DomainSeparationTag tag, long epoch, byte[] entropy) {
    ExpectedRandomness e = expectedRandomness.poll();
    if (e == null
        || e.beacon() != beacon
        || e.tag() != tag
        || e.epoch() != epoch
        || !Arrays.equals(e.entropy(), entropy)) {
      throw new AssertionError(
          "unexpected randomness draw " + (beacon ? "beacon " : "tickets ") + tag + " @" + epoch);
    }
    return e.out().clone();
  }

  @Override
  public SendResult send(Address to, long method, CborEncodable params, TokenAmount value) {
    if (inTransaction) {
      throw new ActorException(ExitCode.SYS_ERR_ILLEGAL_ACTOR, "side-effect within transaction");
    }
    byte[] p = params == null ? new byte[0] : params.toCbor();
    ExpectedSend e = expectedSends.poll();
    if (e == null) {
      throw new AssertionError("unexpected send to " + to + " method " + method);
    }
    if (!e.to().equals(to)
        || e.method() != method
        || !Arrays.equals(e.params(), p)
        || !e.value().equals(value)) {
      throw new AssertionError(
          "send to "
              + to
              + " method "
              + method
              + " value "
              + value
              + " does not match the expected send to "
              + e.to()
              + " method "
              + e.method()
              + " value "
              + e.value()
              + (Arrays.equals(e.params(), p) ? "" : " (params differ)"));
    }
    if (value.compareTo(balance) > 0) {
      throw new ActorException(
          ExitCode.SYS_ERR_INSUFFICIENT_FUNDS, "cannot send " + value + ", balance " + balance);
    }
    balance = balance.subtract(value);
    return e.exitCode() == ExitCode.OK ? SendResult.ok(e.ret()) : SendResult.failed(e.exitCode());
  }

  @Override
  public void stateCreate(CborEncodable state) {
    if (stateRoot != null) {
      throw new ActorException(ExitCode.SYS_ERR_ILLEGAL_ACTOR, "state already created");
    }
    stateRoot = store.put(state);
  }

  @Override
  public <S> S stateReadonly(CborReader.Decoder<S> decoder) {
    return getState(decoder);
  }

  @Override
  public <S extends CborEncodable, R> R stateTransaction(
      CborReader.Decoder<S> decoder, Function<S, R> body) {
    S state = getState(decoder);
    inTransaction = true;
    R result;
    try {
      result = body.apply(state);
    } finally {
      inTransaction = false;
    }
    stateRoot = store.put(state);
    return result;
  }

  @Override
  public <T> T storeGet(Cid cid, CborReader.Decoder<T> decoder) {
    if (!blocks.has(cid)) {
      return null;
    }
    try {
      return store.get(cid, "object", decoder);
    } catch (CborException e) {
      throw new ActorException(ExitCode.ERR_SERIALIZATION, e.getMessage(), e);
    }
  }

  @Override
  public Cid storePut(CborEncodable value) {
    return store.put(value);
  }

  @Override
  public IpldStore store() {
    return store;
  }

  @Override
  public void chargeGas(String name, long gas) {
    gasCharged += gas;
  }

  // --- Syscalls ---

  @Override
  public void verifySignature(Signature signature, Address signer, byte[] plaintext)
      throws SyscallException {
    ExpectedSignature e = expectedSignatures.poll();
    if (e == null
        || !e.signature().equals(signature)
        || !e.signer().equals(signer)
        || !Arrays.equals(e.plaintext(), plaintext)) {
      throw new AssertionError("unexpected signature check by " + signer);
    }
    if (!e.valid()) {
      throw new SyscallException("invalid signature (mock)");
    }
  }

  @Override
  public byte[] hashBlake2b(byte[] data) {
    return hasher.apply(data);
  }

  @Override
  public Cid computeUnsealedSectorCid(long sealProof, List<PieceInfo> pieces)
      throws SyscallException {
    ExpectedCall<List<Object>, Cid> e = expectedUnsealed.poll();
    if (e == null || !e.input().equals(List.of(sealProof, pieces))) {
      throw new AssertionError("unexpected computeUnsealedSectorCid");
    }
    return result(e);
  }

  @Override
  public void verifySeal(SealVerifyInfo info) throws SyscallException {
    ExpectedCall<SealVerifyInfo, Void> e = expectedSeals.poll();
    if (e == null || !Arrays.equals(e.input().toCbor(), info.toCbor())) {
      throw new AssertionError("unexpected verifySeal");
    }
    result(e);
  }

  @Override
  public Map<Address, List<Boolean>> batchVerifySeals(Map<Address, List<SealVerifyInfo>> seals)
      throws SyscallException {
    ExpectedCall<Map<Address, List<SealVerifyInfo>>, Map<Address, List<Boolean>>> e =
        expectedBatchSeals.poll();
    if (e == null || !e.input().keySet().equals(seals.keySet())) {
      throw new AssertionError("unexpected batchVerifySeals");
    }
    return result(e);
  }

  @Override
  public void verifyPoSt(WindowPoStVerifyInfo info) throws SyscallException {
    ExpectedCall<WindowPoStVerifyInfo, Void> e = expectedPosts.poll();
    if (e == null) {
      throw new AssertionError("unexpected verifyPoSt");
    }
    result(e);
  }

  @Override
  public ConsensusFault verifyConsensusFault(byte[] header1, byte[] header2, byte[] extra)
      throws SyscallException {
    ExpectedCall<List<byte[]>, ConsensusFault> e = expectedFaults.poll();
    if (e == null
        || !Arrays.equals(e.input().get(0), header1)
        || !Arrays.equals(e.input().get(1), header2)
        || !Arrays.equals(e.input().get(2), extra)) {
      throw new AssertionError("unexpected verifyConsensusFault");
    }
    return result(e);
  }

  private static <O> O result(ExpectedCall<?, O> e) throws SyscallException {
    if (e.error() != null) {
      throw new SyscallException(e.error());
    }
    return e.output();
  }
}
