package io.filnode.actors.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After Lotus v1.10.0 conformance/chaos/actor_test.go, plus what it leaves out. */
class ChaosActorTest {
  private static final ChaosActor ACTOR = new ChaosActor();
  private static final Address RECEIVER = Address.newId(101);
  private static final Address CALLER = Address.newId(100);
  private static final Cid ACCOUNT = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  private static final Cid CRON = BuiltinActors.codeCid(ActorKind.CRON, 2);

  private static MockRuntime runtime() {
    return new MockRuntime(RECEIVER).setCaller(CALLER, ACCOUNT);
  }

  private static MockRuntime withState(String value) {
    MockRuntime rt = runtime();
    rt.expectValidateCallerAny();
    rt.call(ACTOR, ChaosActor.METHOD_CREATE_STATE, null);
    rt.verify();
    if (!value.isEmpty()) {
      rt.expectValidateCallerAny();
      rt.call(
          ACTOR,
          ChaosActor.METHOD_MUTATE_STATE,
          new MutateStateArgs(value, MutateStateArgs.IN_TRANSACTION));
      rt.verify();
    }
    return rt;
  }

  private static String value(MockRuntime rt) {
    return rt.getState(ChaosState::decode).value();
  }

  @Test
  void singleton() {
    // TestSingleton: the constructor is a Go panic, SysErrReserved1 from network version 4
    MockRuntime rt = runtime();
    rt.expectAbort(
        ExitCode.SYS_ERR_RESERVED_1, () -> rt.call(ACTOR, ChaosActor.METHOD_CONSTRUCTOR, null));
    MockRuntime old = runtime().setNetworkVersion(3);
    old.expectAbort(1, () -> old.call(ACTOR, ChaosActor.METHOD_CONSTRUCTOR, null));
  }

  @Test
  void callerValidationNone() {
    // the VM (here the mock) must reject a method that validated nobody
    MockRuntime rt = runtime();
    CallerValidationArgs none =
        new CallerValidationArgs(CallerValidationArgs.BRANCH_NONE, List.of(), List.of());
    assertThatThrownBy(() -> rt.call(ACTOR, ChaosActor.METHOD_CALLER_VALIDATION, none))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("validate");
  }

  @Test
  void callerValidationTwice() {
    MockRuntime rt = runtime();
    rt.expectValidateCallerAny();
    rt.expectAbort(
        ExitCode.SYS_ERR_ILLEGAL_ACTOR,
        () ->
            rt.call(
                ACTOR,
                ChaosActor.METHOD_CALLER_VALIDATION,
                new CallerValidationArgs(CallerValidationArgs.BRANCH_TWICE, List.of(), List.of())));
  }

  @Test
  void callerValidationIs() {
    MockRuntime rt = runtime();
    List<Address> other = List.of(Address.newId(101));
    rt.expectValidateCallerAddr(other.toArray(new Address[0]));
    rt.expectAbort(
        ExitCode.SYS_ERR_FORBIDDEN,
        () ->
            rt.call(
                ACTOR,
                ChaosActor.METHOD_CALLER_VALIDATION,
                new CallerValidationArgs(
                    CallerValidationArgs.BRANCH_IS_ADDRESS, other, List.of())));
    rt.verify();

    rt.expectValidateCallerAddr(CALLER);
    rt.call(
        ACTOR,
        ChaosActor.METHOD_CALLER_VALIDATION,
        new CallerValidationArgs(
            CallerValidationArgs.BRANCH_IS_ADDRESS, List.of(CALLER), List.of()));
    rt.verify();
  }

  @Test
  void callerValidationType() {
    MockRuntime rt = runtime();
    rt.expectValidateCallerType(CRON);
    rt.expectAbort(
        ExitCode.SYS_ERR_FORBIDDEN,
        () ->
            rt.call(
                ACTOR,
                ChaosActor.METHOD_CALLER_VALIDATION,
                new CallerValidationArgs(
                    CallerValidationArgs.BRANCH_IS_TYPE, List.of(), List.of(CRON))));
    rt.verify();

    rt.expectValidateCallerType(ACCOUNT);
    rt.call(
        ACTOR,
        ChaosActor.METHOD_CALLER_VALIDATION,
        new CallerValidationArgs(CallerValidationArgs.BRANCH_IS_TYPE, List.of(), List.of(ACCOUNT)));
    rt.verify();
  }

  @Test
  void callerValidationInvalidBranch() {
    MockRuntime rt = runtime();
    rt.expectAbort(
        ExitCode.SYS_ERR_RESERVED_1,
        () ->
            rt.call(
                ACTOR,
                ChaosActor.METHOD_CALLER_VALIDATION,
                new CallerValidationArgs(-1, List.of(), List.of())));
  }

  @Test
  void createActorPassesUndefinedValuesAsNull() {
    MockRuntime rt = runtime();
    Address addr = Address.newId(1000);
    rt.expectValidateCallerAny();
    rt.expectCreateActor(ACCOUNT, addr);
    rt.call(
        ACTOR, ChaosActor.METHOD_CREATE_ACTOR, new CreateActorArgs(false, ACCOUNT, false, addr));
    rt.verify();

    rt.expectValidateCallerAny();
    rt.expectCreateActor(null, null);
    rt.call(ACTOR, ChaosActor.METHOD_CREATE_ACTOR, new CreateActorArgs(true, ACCOUNT, true, addr));
    rt.verify();
  }

  @Test
  void resolveAddress() {
    Address bls = Address.newBls(new byte[48]);
    MockRuntime rt = runtime().addIdAddress(bls, Address.newId(555));
    rt.expectValidateCallerAny();
    assertThat(
            rt.call(
                ACTOR,
                ChaosActor.METHOD_RESOLVE_ADDRESS,
                bls::encode,
                ResolveAddressResponse::decode))
        .isEqualTo(new ResolveAddressResponse(Address.newId(555), true));
    rt.verify();

    Address unknown = Address.newActor(new byte[] {9});
    rt.expectValidateCallerAny();
    assertThat(
            rt.call(
                ACTOR,
                ChaosActor.METHOD_RESOLVE_ADDRESS,
                unknown::encode,
                ResolveAddressResponse::decode))
        .isEqualTo(new ResolveAddressResponse(Address.newId(0), false));
    rt.verify();
  }

  @Test
  void deleteActor() {
    Address beneficiary = Address.newId(102);
    MockRuntime rt = runtime();
    rt.expectValidateCallerAny();
    rt.expectDeleteActor(beneficiary);
    rt.call(ACTOR, ChaosActor.METHOD_DELETE_ACTOR, beneficiary::encode);
    rt.verify();
  }

  @Test
  void sendReturnsTheCalleesBytesAndCode() {
    MockRuntime rt = runtime().setBalance(TokenAmount.ofAtto(10));
    Address to = Address.newId(200);
    byte[] params = {(byte) 0x82, 0x01, 0x02};
    rt.expectValidateCallerAny();
    rt.expectSend(to, 5, new RawBytes(params), TokenAmount.ofAtto(3), w -> w.writeText("ok"), 0);
    SendReturn ok =
        rt.call(
            ACTOR,
            ChaosActor.METHOD_SEND,
            new SendArgs(to, TokenAmount.ofAtto(3), 5, params),
            SendReturn::decode);
    rt.verify();
    assertThat(ok).isEqualTo(new SendReturn(new byte[] {0x62, 'o', 'k'}, 0));

    rt.expectValidateCallerAny();
    rt.expectSend(to, 5, new RawBytes(params), TokenAmount.ZERO, null, ExitCode.ERR_FORBIDDEN);
    SendReturn failed =
        rt.call(
            ACTOR,
            ChaosActor.METHOD_SEND,
            new SendArgs(to, TokenAmount.ZERO, 5, params),
            SendReturn::decode);
    rt.verify();
    assertThat(failed).isEqualTo(new SendReturn(new byte[0], ExitCode.ERR_FORBIDDEN));
  }

  @Test
  void mutateStateInTransaction() {
    MockRuntime rt = withState("__mutstat test");
    assertThat(value(rt)).isEqualTo("__mutstat test");
  }

  @Test
  void mutateStateReadonlyChangesNothing() {
    MockRuntime rt = withState("before");
    rt.expectValidateCallerAny();
    rt.call(
        ACTOR, ChaosActor.METHOD_MUTATE_STATE, new MutateStateArgs("x", MutateStateArgs.READONLY));
    rt.verify();
    assertThat(value(rt)).isEqualTo("before");
  }

  @Test
  void mutateStateAfterTransactionKeepsTheInTransactionValue() {
    MockRuntime rt = withState("");
    rt.expectValidateCallerAny();
    rt.call(
        ACTOR,
        ChaosActor.METHOD_MUTATE_STATE,
        new MutateStateArgs("x", MutateStateArgs.AFTER_TRANSACTION));
    rt.verify();
    assertThat(value(rt)).isEqualTo("x-in");
  }

  @Test
  void mutateStateUnknownBranchIsAPanic() {
    MockRuntime rt = withState("");
    rt.expectValidateCallerAny();
    rt.expectAbort(
        ExitCode.SYS_ERR_RESERVED_1,
        () -> rt.call(ACTOR, ChaosActor.METHOD_MUTATE_STATE, new MutateStateArgs("x", 3)));
  }

  @Test
  void abortWithControlledAndUncontrolledCodes() {
    MockRuntime rt = runtime();
    rt.expectAbort(
        32,
        () -> rt.call(ACTOR, ChaosActor.METHOD_ABORT_WITH, new AbortWithArgs(32, "custom", false)));
    rt.expectAbort(
        -1,
        () -> rt.call(ACTOR, ChaosActor.METHOD_ABORT_WITH, new AbortWithArgs(-1, "neg", false)));
    rt.expectAbort(
        ExitCode.SYS_ERR_RESERVED_1,
        () -> rt.call(ACTOR, ChaosActor.METHOD_ABORT_WITH, new AbortWithArgs(0, "panic", true)));
  }

  @Test
  void abortWithExitCodeZeroIsAFatalError() {
    MockRuntime rt = runtime();
    assertThatThrownBy(
            () -> rt.call(ACTOR, ChaosActor.METHOD_ABORT_WITH, new AbortWithArgs(0, "zero", false)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void inspectRuntime() {
    MockRuntime rt = withState("v").setEpoch(1234).setBalance(TokenAmount.ofAtto(7));
    rt.setReceived(TokenAmount.ofAtto(2));
    rt.expectValidateCallerAny();
    InspectRuntimeReturn ret =
        rt.call(ACTOR, ChaosActor.METHOD_INSPECT_RUNTIME, null, InspectRuntimeReturn::decode);
    rt.verify();
    assertThat(ret)
        .isEqualTo(
            new InspectRuntimeReturn(
                CALLER, RECEIVER, TokenAmount.ofAtto(2), 1234, TokenAmount.ofAtto(7), "v"));
  }

  @Test
  void unknownMethodIsInvalid() {
    MockRuntime rt = runtime();
    rt.expectAbort(ExitCode.SYS_ERR_INVALID_METHOD, () -> rt.call(ACTOR, 11, null));
  }
}
