package io.filnode.actors.v2.verifreg;

import static io.filnode.actors.v2.verifreg.VerifiedRegistryState.MIN_VERIFIED_DEAL_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsVerifiedRegistry;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** After specs-actors v2.3.6 verified_registry_test.go; test names follow its t.Run names. */
class VerifiedRegistryActorTest {
  private static final VerifiedRegistryActor ACTOR = new VerifiedRegistryActor();
  private static final Cid VERIFREG_CODE = BuiltinActors.codeCid(ActorKind.VERIFIED_REGISTRY, 2);
  private static final Cid INIT_CODE = BuiltinActors.codeCid(ActorKind.INIT, 2);
  private static final Cid MINER_CODE = BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2);
  private static final Cid POWER_CODE = BuiltinActors.codeCid(ActorKind.STORAGE_POWER, 2);
  private static final Address ROOT = Address.newId(101);

  private static Address id(long n) {
    return Address.newId(n);
  }

  private static Address bls(int seed) {
    byte[] key = new byte[48];
    key[0] = (byte) seed;
    return Address.newBls(key);
  }

  private static BigInteger min(long plus) {
    return MIN_VERIFIED_DEAL_SIZE.add(BigInteger.valueOf(plus));
  }

  // --- harness (verifRegActorTestHarness) ---

  private static MockRuntime setup(Address root) {
    MockRuntime rt =
        new MockRuntime(Builtin.STORAGE_MARKET_ACTOR_ADDR)
            .setCaller(Builtin.SYSTEM_ACTOR_ADDR, INIT_CODE)
            .setAddressActorType(root, VERIFREG_CODE);
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(ACTOR, MethodsVerifiedRegistry.CONSTRUCTOR, w -> root.encode(w))).isEmpty();
    rt.verify();
    return rt;
  }

  private static VerifiedRegistryState state(MockRuntime rt) {
    return rt.getState(VerifiedRegistryState::decode);
  }

  private static BigInteger cap(MockRuntime rt, Cid root, Address a) {
    return AdtMap.load(rt.store(), root, BuiltinActors.hamtOptions(2))
        .get(Keys.address(a), CborReader::readBigInt);
  }

  private static BigInteger verifierCap(MockRuntime rt, Address a) {
    return cap(rt, state(rt).verifiers(), a);
  }

  private static BigInteger clientCap(MockRuntime rt, Address a) {
    return cap(rt, state(rt).verifiedClients(), a);
  }

  private static Address resolved(MockRuntime rt, Address a) {
    return rt.resolveAddress(a).orElseThrow();
  }

  private static void addVerifier(MockRuntime rt, Address verifier, BigInteger allowance) {
    rt.expectValidateCallerAddr(ROOT);
    rt.setCaller(ROOT, VERIFREG_CODE);
    rt.call(
        ACTOR, MethodsVerifiedRegistry.ADD_VERIFIER, new AddVerifierParams(verifier, allowance));
    rt.verify();
    assertThat(verifierCap(rt, resolved(rt, verifier))).isEqualTo(allowance);
  }

  private static void addVerifiedClient(
      MockRuntime rt, Address verifier, Address client, BigInteger allowance) {
    rt.setCaller(verifier, VERIFREG_CODE);
    rt.expectValidateCallerAny();
    rt.call(
        ACTOR,
        MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
        new AddVerifiedClientParams(client, allowance));
    rt.verify();
    assertThat(clientCap(rt, resolved(rt, client))).isEqualTo(allowance);
  }

  private static void addVerifierAndClient(
      MockRuntime rt,
      Address verifier,
      Address client,
      BigInteger verifierAllowance,
      BigInteger clientAllowance) {
    addVerifier(rt, verifier, verifierAllowance.add(clientAllowance));
    addVerifiedClient(rt, verifier, client, clientAllowance);
  }

  private static void asMarket(MockRuntime rt) {
    rt.expectValidateCallerAddr(Builtin.STORAGE_MARKET_ACTOR_ADDR);
    rt.setCaller(Builtin.STORAGE_MARKET_ACTOR_ADDR, MINER_CODE);
  }

  /** useBytes; {@code expected} null means the client must be removed. */
  private static void useBytes(MockRuntime rt, Address a, BigInteger size, BigInteger expected) {
    asMarket(rt);
    rt.call(ACTOR, MethodsVerifiedRegistry.USE_BYTES, new UseBytesParams(a, size));
    rt.verify();
    assertThat(clientCap(rt, resolved(rt, a))).isEqualTo(expected);
  }

  private static void restoreBytes(
      MockRuntime rt, Address a, BigInteger size, BigInteger expected) {
    asMarket(rt);
    rt.call(ACTOR, MethodsVerifiedRegistry.RESTORE_BYTES, new RestoreBytesParams(a, size));
    rt.verify();
    assertThat(clientCap(rt, resolved(rt, a))).isEqualTo(expected);
  }

  private static void expectAbort(MockRuntime rt, int code, long method, CborEncodable params) {
    rt.expectAbort(code, () -> rt.call(ACTOR, method, params));
  }

  @Nested
  class Construction {
    @Test
    void successfulConstructionWithRootIdAddress() {
      MockRuntime rt = setup(ROOT);
      Cid empty = AdtMap.create(rt.store(), BuiltinActors.hamtOptions(2)).flush();
      VerifiedRegistryState st = state(rt);
      assertThat(st.verifiers()).isEqualTo(empty);
      assertThat(st.verifiedClients()).isEqualTo(empty);
      assertThat(st.rootKey()).isEqualTo(ROOT);
    }

    @Test
    void nonIdAddressRootIsResolvedToAnIdAddressForConstruction() {
      MockRuntime rt =
          new MockRuntime(Builtin.STORAGE_MARKET_ACTOR_ADDR)
              .setCaller(Builtin.SYSTEM_ACTOR_ADDR, INIT_CODE)
              .addIdAddress(bls(101), id(201));
      rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
      rt.call(ACTOR, MethodsVerifiedRegistry.CONSTRUCTOR, w -> bls(101).encode(w));
      rt.verify();
      assertThat(state(rt).rootKey()).isEqualTo(id(201));
    }

    @Test
    void failsIfRootCannotBeResolvedToAnIdAddress() {
      MockRuntime rt =
          new MockRuntime(Builtin.STORAGE_MARKET_ACTOR_ADDR)
              .setCaller(Builtin.SYSTEM_ACTOR_ADDR, INIT_CODE);
      rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.CONSTRUCTOR,
          w -> bls(101).encode(w));
      rt.verify();
    }
  }

  @Nested
  class AddVerifier {
    private final BigInteger allowance = min(42);

    @Test
    void failsWhenCallerIsNotTheRootKey() {
      MockRuntime rt = setup(ROOT);
      rt.expectValidateCallerAddr(ROOT);
      rt.setCaller(id(501), VERIFREG_CODE);
      expectAbort(
          rt,
          ExitCode.SYS_ERR_FORBIDDEN,
          MethodsVerifiedRegistry.ADD_VERIFIER,
          new AddVerifierParams(id(201), allowance));
    }

    @Test
    void failsWhenAllowanceLessThanMinVerifiedDealSize() {
      MockRuntime rt = setup(ROOT);
      rt.setCaller(ROOT, VERIFREG_CODE);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIER,
          new AddVerifierParams(id(201), min(-1)));
    }

    @Test
    void failsWhenRootIsAddedAsAVerifier() {
      MockRuntime rt = setup(ROOT);
      rt.setCaller(ROOT, VERIFREG_CODE);
      rt.expectValidateCallerAddr(ROOT);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIER,
          new AddVerifierParams(ROOT, allowance));
    }

    @Test
    void failsWhenVerifiedClientIsAddedAsAVerifier() {
      MockRuntime rt = setup(ROOT);
      addVerifierAndClient(rt, id(601), id(602), allowance, allowance);
      rt.setCaller(ROOT, VERIFREG_CODE);
      rt.expectValidateCallerAddr(ROOT);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIER,
          new AddVerifierParams(id(602), allowance));
    }

    @Test
    void failsToAddVerifierWithNonIdAddressIfNotResolvableToIdAddress() {
      MockRuntime rt = setup(ROOT);
      rt.setCaller(ROOT, VERIFREG_CODE);
      rt.expectSend(bls(1), Builtin.METHOD_SEND, null, TokenAmount.ZERO, null, ExitCode.OK);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_STATE,
          MethodsVerifiedRegistry.ADD_VERIFIER,
          new AddVerifierParams(bls(1), allowance));
    }

    @Test
    void aFailedSendWhileResolvingAbortsWithTheSendsExitCode() {
      // builtin.ResolveToIDAddr wraps the send's code; RequireNoErr unwraps it
      MockRuntime rt = setup(ROOT);
      rt.setCaller(ROOT, VERIFREG_CODE);
      rt.expectSend(
          bls(1), Builtin.METHOD_SEND, null, TokenAmount.ZERO, null, ExitCode.SYS_ERR_FORBIDDEN);
      expectAbort(
          rt,
          ExitCode.SYS_ERR_FORBIDDEN,
          MethodsVerifiedRegistry.ADD_VERIFIER,
          new AddVerifierParams(bls(1), allowance));
    }

    @Test
    void successfullyAddAVerifier() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(201), allowance);
    }

    @Test
    void successfullyAddAVerifierAfterResolvingToIdAddress() {
      MockRuntime rt = setup(ROOT);
      rt.addIdAddress(bls(1), id(501));
      addVerifier(rt, bls(1), allowance);
      assertThat(verifierCap(rt, id(501))).isEqualTo(allowance);
    }
  }

  @Nested
  class RemoveVerifier {
    private final BigInteger allowance = min(42);

    @Test
    void failsWhenCallerIsNotTheRootKey() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(201), allowance);
      rt.expectValidateCallerAddr(ROOT);
      rt.setCaller(id(501), VERIFREG_CODE);
      expectAbort(
          rt,
          ExitCode.SYS_ERR_FORBIDDEN,
          MethodsVerifiedRegistry.REMOVE_VERIFIER,
          w -> id(201).encode(w));
    }

    @Test
    void failsWhenVerifierDoesNotExist() {
      MockRuntime rt = setup(ROOT);
      rt.expectValidateCallerAddr(ROOT);
      rt.setCaller(ROOT, VERIFREG_CODE);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_STATE,
          MethodsVerifiedRegistry.REMOVE_VERIFIER,
          w -> id(501).encode(w));
    }

    @Test
    void addVerifierWithNonIdAddressAndThenRemoveWithItsIdAddress() {
      MockRuntime rt = setup(ROOT);
      rt.addIdAddress(bls(1), id(501));
      addVerifier(rt, bls(1), allowance);
      rt.expectValidateCallerAddr(ROOT);
      rt.setCaller(ROOT, VERIFREG_CODE);
      rt.call(ACTOR, MethodsVerifiedRegistry.REMOVE_VERIFIER, w -> id(501).encode(w));
      rt.verify();
      assertThat(verifierCap(rt, id(501))).isNull();
    }
  }

  @Nested
  class AddVerifiedClient {
    private final BigInteger allowance = min(42);
    private final BigInteger clientAllowance = min(41);

    @Test
    void successfullyAddMultipleVerifiedClientsFromDifferentVerifiers() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), clientAllowance.add(clientAllowance));
      addVerifier(rt, id(302), clientAllowance.add(clientAllowance));
      addVerifiedClient(rt, id(301), id(201), clientAllowance);
      addVerifiedClient(rt, id(301), id(202), clientAllowance);
      addVerifiedClient(rt, id(302), id(203), clientAllowance);
      addVerifiedClient(rt, id(302), id(204), clientAllowance);
      for (long c = 201; c <= 204; c++) {
        assertThat(clientCap(rt, id(c))).isEqualTo(clientAllowance);
      }
      assertThat(verifierCap(rt, id(301))).isZero();
      assertThat(verifierCap(rt, id(302))).isZero();
    }

    @Test
    void verifierAddsAClientThenFailsOnAnotherBecauseOfLowAllowance() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), clientAllowance);
      addVerifiedClient(rt, id(301), id(201), clientAllowance);
      rt.setCaller(id(301), VERIFREG_CODE);
      rt.expectValidateCallerAny();
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(id(202), clientAllowance));
      assertThat(clientCap(rt, id(201))).isEqualTo(clientAllowance);
      assertThat(verifierCap(rt, id(301))).isZero();
    }

    @Test
    void successfullyAddAClientAfterResolvingItsNonIdAddress() {
      MockRuntime rt = setup(ROOT);
      rt.addIdAddress(bls(1), id(501));
      addVerifier(rt, id(301), allowance);
      addVerifiedClient(rt, id(301), bls(1), clientAllowance);
      assertThat(clientCap(rt, id(501))).isEqualTo(clientAllowance);

      // adding the same client again by its ID address now fails
      addVerifier(rt, id(301), allowance);
      rt.setCaller(id(301), VERIFREG_CODE);
      rt.expectValidateCallerAny();
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(id(501), clientAllowance));
    }

    @Test
    void successWhenAllowanceIsEqualToMinVerifiedDealSize() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), MIN_VERIFIED_DEAL_SIZE);
      addVerifiedClient(rt, id(301), id(201), MIN_VERIFIED_DEAL_SIZE);
    }

    @Test
    void failsToAddVerifiedClientIfAddressIsNotResolvableToIdAddress() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), allowance);
      rt.setCaller(id(301), VERIFREG_CODE);
      rt.expectValidateCallerAny();
      rt.expectSend(bls(1), Builtin.METHOD_SEND, null, TokenAmount.ZERO, null, ExitCode.OK);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_STATE,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(bls(1), clientAllowance));
    }

    @Test
    void failsWhenAllowanceIsLessThanMinVerifiedDealSize() {
      MockRuntime rt = setup(ROOT);
      rt.expectValidateCallerAny();
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(id(501), min(-1)));
    }

    @Test
    void failsWhenCallerIsNotAVerifier() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), allowance);
      rt.setCaller(id(209), VERIFREG_CODE);
      rt.expectValidateCallerAny();
      expectAbort(
          rt,
          ExitCode.ERR_NOT_FOUND,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(id(201), clientAllowance));
    }

    @Test
    void failsWhenVerifierCapIsLessThanClientAllowance() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), allowance);
      rt.setCaller(id(301), VERIFREG_CODE);
      rt.expectValidateCallerAny();
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(id(201), allowance.add(BigInteger.ONE)));
    }

    @Test
    void failsWhenVerifiedClientAlreadyExists() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), allowance);
      addVerifiedClient(rt, id(301), id(201), clientAllowance);
      addVerifier(rt, id(301), allowance);
      rt.setCaller(id(301), VERIFREG_CODE);
      rt.expectValidateCallerAny();
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(id(201), clientAllowance));
    }

    @Test
    void failsWhenRootIsAddedAsAVerifiedClient() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), allowance);
      rt.setCaller(id(301), VERIFREG_CODE);
      rt.expectValidateCallerAny();
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(ROOT, clientAllowance));
    }

    @Test
    void failsWhenVerifierIsAddedAsAVerifiedClient() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), allowance);
      rt.setCaller(id(301), VERIFREG_CODE);
      rt.expectValidateCallerAny();
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT,
          new AddVerifiedClientParams(id(301), clientAllowance));
    }
  }

  @Nested
  class UseBytes {
    private final BigInteger vallow = min(100);

    @Test
    void successfullyConsumeDealBytesForDealsFromDifferentVerifiedClients() {
      MockRuntime rt = setup(ROOT);
      BigInteger ca1 = MIN_VERIFIED_DEAL_SIZE.multiply(BigInteger.valueOf(3));
      BigInteger ca2 = MIN_VERIFIED_DEAL_SIZE.multiply(BigInteger.TWO);
      BigInteger ca3 = min(1);
      addVerifierAndClient(rt, id(301), id(201), vallow, ca1);
      addVerifierAndClient(rt, id(301), id(202), vallow, ca2);
      addVerifierAndClient(rt, id(301), id(203), vallow, ca3);

      BigInteger d = MIN_VERIFIED_DEAL_SIZE;
      BigInteger bal1 = ca1.subtract(d);
      BigInteger bal2 = ca2.subtract(d);
      useBytes(rt, id(201), d, bal1);
      useBytes(rt, id(202), d, bal2);
      useBytes(rt, id(203), d, null);

      bal1 = bal1.subtract(d);
      useBytes(rt, id(201), d, bal1);
      useBytes(rt, id(202), d, null);
      assertThat(clientCap(rt, id(201))).isEqualTo(bal1);
    }

    @Test
    void consumeThenFailBecauseTheClientDoesNotHaveEnoughAllowance() {
      MockRuntime rt = setup(ROOT);
      BigInteger ca = MIN_VERIFIED_DEAL_SIZE.add(min(1));
      addVerifierAndClient(rt, id(301), id(201), vallow, ca);
      useBytes(rt, id(201), MIN_VERIFIED_DEAL_SIZE, ca.subtract(MIN_VERIFIED_DEAL_SIZE));
      asMarket(rt);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.USE_BYTES,
          new UseBytesParams(id(201), min(2)));
    }

    @Test
    void successfullyConsumeDealBytesAfterResolvingVerifiedClientAddress() {
      MockRuntime rt = setup(ROOT);
      rt.addIdAddress(bls(2), id(501));
      BigInteger ca = MIN_VERIFIED_DEAL_SIZE.add(min(1));
      addVerifierAndClient(rt, id(301), id(501), vallow, ca);
      useBytes(rt, bls(2), MIN_VERIFIED_DEAL_SIZE, ca.subtract(MIN_VERIFIED_DEAL_SIZE));
    }

    @Test
    void consumeThenFailBecauseTheClientHasBeenRemoved() {
      MockRuntime rt = setup(ROOT);
      addVerifierAndClient(rt, id(301), id(201), vallow, min(1));
      useBytes(rt, id(201), MIN_VERIFIED_DEAL_SIZE, null);
      asMarket(rt);
      expectAbort(
          rt,
          ExitCode.ERR_NOT_FOUND,
          MethodsVerifiedRegistry.USE_BYTES,
          new UseBytesParams(id(201), MIN_VERIFIED_DEAL_SIZE));
    }

    @Test
    void failIfCallerIsNotStorageMarketActor() {
      MockRuntime rt = setup(ROOT);
      rt.expectValidateCallerAddr(Builtin.STORAGE_MARKET_ACTOR_ADDR);
      rt.setCaller(Builtin.STORAGE_POWER_ACTOR_ADDR, POWER_CODE);
      expectAbort(
          rt,
          ExitCode.SYS_ERR_FORBIDDEN,
          MethodsVerifiedRegistry.USE_BYTES,
          new UseBytesParams(id(201), MIN_VERIFIED_DEAL_SIZE));
    }

    @Test
    void failIfDealSizeIsLessThanMinVerifiedDealSize() {
      MockRuntime rt = setup(ROOT);
      asMarket(rt);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.USE_BYTES,
          new UseBytesParams(id(201), min(-1)));
    }

    @Test
    void failIfVerifiedClientDoesNotExist() {
      MockRuntime rt = setup(ROOT);
      asMarket(rt);
      expectAbort(
          rt,
          ExitCode.ERR_NOT_FOUND,
          MethodsVerifiedRegistry.USE_BYTES,
          new UseBytesParams(id(201), MIN_VERIFIED_DEAL_SIZE));
    }

    @Test
    void failIfDealSizeIsGreaterThanVerifiedClientCap() {
      MockRuntime rt = setup(ROOT);
      addVerifierAndClient(rt, id(301), id(201), vallow, min(1));
      asMarket(rt);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.USE_BYTES,
          new UseBytesParams(id(201), min(2)));
    }
  }

  @Nested
  class RestoreBytes {
    private final BigInteger vallow = min(100);

    @Test
    void successfullyRestoreDealBytesForDifferentVerifiedClients() {
      MockRuntime rt = setup(ROOT);
      BigInteger ca1 = MIN_VERIFIED_DEAL_SIZE.multiply(BigInteger.valueOf(3));
      BigInteger ca2 = MIN_VERIFIED_DEAL_SIZE.multiply(BigInteger.TWO);
      BigInteger ca3 = min(1);
      addVerifierAndClient(rt, id(301), id(201), vallow, ca1);
      addVerifierAndClient(rt, id(301), id(202), vallow, ca2);
      addVerifierAndClient(rt, id(301), id(203), vallow, ca3);
      BigInteger d = MIN_VERIFIED_DEAL_SIZE;
      restoreBytes(rt, id(201), d, ca1.add(d));
      restoreBytes(rt, id(202), d, ca2.add(d));
      restoreBytes(rt, id(203), d, ca3.add(d));
      useBytes(rt, id(201), d, ca1);
      useBytes(rt, id(202), d, ca2);
      restoreBytes(rt, id(201), d, ca1.add(d));
      restoreBytes(rt, id(202), d, ca2.add(d));
      restoreBytes(rt, id(203), d, ca3.add(d).add(d));
    }

    @Test
    void successfullyRestoreBytesAfterUsingBytesRemovesAClient() {
      MockRuntime rt = setup(ROOT);
      addVerifierAndClient(rt, id(301), id(201), vallow, min(1));
      useBytes(rt, id(201), MIN_VERIFIED_DEAL_SIZE, null);
      restoreBytes(rt, id(201), MIN_VERIFIED_DEAL_SIZE, MIN_VERIFIED_DEAL_SIZE);
    }

    @Test
    void successfullyRestoreDealBytesAfterResolvingClientAddress() {
      MockRuntime rt = setup(ROOT);
      rt.addIdAddress(bls(2), id(501));
      BigInteger ca = MIN_VERIFIED_DEAL_SIZE.multiply(BigInteger.TWO);
      addVerifierAndClient(rt, id(301), id(501), vallow, ca);
      BigInteger bal = ca.subtract(MIN_VERIFIED_DEAL_SIZE);
      useBytes(rt, id(501), MIN_VERIFIED_DEAL_SIZE, bal);
      restoreBytes(rt, bls(2), MIN_VERIFIED_DEAL_SIZE, bal.add(MIN_VERIFIED_DEAL_SIZE));
    }

    @Test
    void failIfCallerIsNotStorageMarketActor() {
      MockRuntime rt = setup(ROOT);
      rt.expectValidateCallerAddr(Builtin.STORAGE_MARKET_ACTOR_ADDR);
      rt.setCaller(Builtin.STORAGE_POWER_ACTOR_ADDR, POWER_CODE);
      expectAbort(
          rt,
          ExitCode.SYS_ERR_FORBIDDEN,
          MethodsVerifiedRegistry.RESTORE_BYTES,
          new RestoreBytesParams(id(201), MIN_VERIFIED_DEAL_SIZE));
    }

    @Test
    void failIfDealSizeIsLessThanMinVerifiedDealSize() {
      MockRuntime rt = setup(ROOT);
      asMarket(rt);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.RESTORE_BYTES,
          new RestoreBytesParams(id(201), min(-1)));
    }

    @Test
    void failsIfAttemptToRestoreBytesForRoot() {
      MockRuntime rt = setup(ROOT);
      asMarket(rt);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.RESTORE_BYTES,
          new RestoreBytesParams(ROOT, MIN_VERIFIED_DEAL_SIZE));
    }

    @Test
    void failsIfAttemptToRestoreBytesForVerifier() {
      MockRuntime rt = setup(ROOT);
      addVerifier(rt, id(301), vallow);
      asMarket(rt);
      expectAbort(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsVerifiedRegistry.RESTORE_BYTES,
          new RestoreBytesParams(id(301), MIN_VERIFIED_DEAL_SIZE));
    }
  }

  @Test
  void unknownMethodIsInvalid() {
    MockRuntime rt = setup(ROOT);
    expectAbort(rt, ExitCode.SYS_ERR_INVALID_METHOD, 7, null);
  }

  @Test
  void stateEncodesAsATupleOfRootKeyAndTwoMaps() throws Exception {
    MockRuntime rt = setup(ROOT);
    VerifiedRegistryState st = state(rt);
    byte[] enc = st.toCbor();
    assertThat(enc[0]).isEqualTo((byte) 0x83);
    assertThat(VerifiedRegistryState.decode(new CborReader(enc)).toCbor()).isEqualTo(enc);
  }
}
