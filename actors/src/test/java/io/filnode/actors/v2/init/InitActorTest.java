package io.filnode.actors.v2.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsInit;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** After specs-actors v2.3.6 init_test.go TestConstructor and TestExec, plus canExec and codecs. */
class InitActorTest {
  private static final InitActor ACTOR = new InitActor();
  private static final Address RECEIVER = Address.newId(1000);
  private static final Address ANNE = Address.newId(1001);
  private static final byte[] FAKE_PARAMS = "DEADBEEF".getBytes(StandardCharsets.US_ASCII);

  private static Cid v2(ActorKind kind) {
    return BuiltinActors.codeCid(kind, 2);
  }

  private static Address actorAddr(String seed) {
    return Address.newActor(seed.getBytes(StandardCharsets.UTF_8));
  }

  private static MockRuntime constructed() {
    MockRuntime rt =
        new MockRuntime(RECEIVER).setCaller(Builtin.SYSTEM_ACTOR_ADDR, v2(ActorKind.SYSTEM));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(ACTOR, MethodsInit.CONSTRUCTOR, new ConstructorParams("mock"))).isEmpty();
    rt.verify();
    return rt;
  }

  private static InitState state(MockRuntime rt) {
    return rt.getState(InitState::decode);
  }

  private static ExecReturn exec(MockRuntime rt, Cid code) {
    rt.expectValidateCallerAny();
    ExecReturn ret =
        rt.call(ACTOR, MethodsInit.EXEC, new ExecParams(code, FAKE_PARAMS), ExecReturn::decode);
    rt.verify();
    return ret;
  }

  @Test
  void constructor() {
    MockRuntime rt = constructed();
    InitState st = state(rt);
    assertThat(st.nextId()).isEqualTo(Builtin.FIRST_NON_SINGLETON_ACTOR_ID);
    assertThat(st.networkName()).isEqualTo("mock");
    assertThat(st.resolveAddress(rt.store(), actorAddr("anything"))).isEmpty();
  }

  @Test
  void abortActorsThatCannotCallExec() {
    MockRuntime rt = constructed();
    rt.setCaller(ANNE, v2(ActorKind.ACCOUNT));
    for (ActorKind kind : new ActorKind[] {ActorKind.STORAGE_POWER, ActorKind.STORAGE_MINER}) {
      rt.expectValidateCallerAny();
      rt.expectAbort(
          ExitCode.ERR_FORBIDDEN,
          () -> rt.call(ACTOR, MethodsInit.EXEC, new ExecParams(v2(kind), new byte[0])));
    }
  }

  @Test
  void happyPathExecCreate2PaymentChannels() {
    MockRuntime rt = constructed();
    rt.setCaller(ANNE, v2(ActorKind.ACCOUNT));
    TokenAmount balance = TokenAmount.ofAtto(100);
    for (int i = 0; i < 2; i++) {
      rt.setBalance(balance).setReceived(balance);
      Address unique = actorAddr("paych" + i);
      rt.setNewActorAddress(unique);
      Address expectedId = Address.newId(100 + i);
      rt.expectCreateActor(v2(ActorKind.PAYMENT_CHANNEL), expectedId);
      rt.expectSend(
          expectedId,
          Builtin.METHOD_CONSTRUCTOR,
          new RawBytes(FAKE_PARAMS),
          balance,
          null,
          ExitCode.OK);
      ExecReturn ret = exec(rt, v2(ActorKind.PAYMENT_CHANNEL));
      assertThat(ret).isEqualTo(new ExecReturn(expectedId, unique));
      assertThat(state(rt).resolveAddress(rt.store(), unique)).contains(expectedId);
    }
  }

  @Test
  void happyPathExecCreateStorageMiner() {
    MockRuntime rt = constructed();
    rt.setCaller(Builtin.STORAGE_POWER_ACTOR_ADDR, v2(ActorKind.STORAGE_POWER));
    Address unique = actorAddr("miner");
    rt.setNewActorAddress(unique);
    rt.expectCreateActor(v2(ActorKind.STORAGE_MINER), Address.newId(100));
    rt.expectSend(
        Address.newId(100),
        Builtin.METHOD_CONSTRUCTOR,
        new RawBytes(FAKE_PARAMS),
        TokenAmount.ZERO,
        null,
        ExitCode.OK);
    assertThat(exec(rt, v2(ActorKind.STORAGE_MINER)))
        .isEqualTo(new ExecReturn(Address.newId(100), unique));
    assertThat(state(rt).resolveAddress(rt.store(), unique)).contains(Address.newId(100));
    assertThat(state(rt).resolveAddress(rt.store(), actorAddr("flurbo"))).isEmpty();
  }

  @Test
  void happyPathCreateMultisigActor() {
    MockRuntime rt = constructed();
    rt.setCaller(Address.newId(1234), v2(ActorKind.ACCOUNT));
    Address unique = actorAddr("multisig");
    rt.setNewActorAddress(unique);
    rt.expectCreateActor(v2(ActorKind.MULTISIG), Address.newId(100));
    rt.expectSend(
        Address.newId(100),
        Builtin.METHOD_CONSTRUCTOR,
        new RawBytes(FAKE_PARAMS),
        TokenAmount.ZERO,
        null,
        ExitCode.OK);
    assertThat(exec(rt, v2(ActorKind.MULTISIG)).robustAddress()).isEqualTo(unique);
  }

  @Test
  void sendingToConstructorFailure() {
    MockRuntime rt = constructed();
    rt.setCaller(Builtin.STORAGE_POWER_ACTOR_ADDR, v2(ActorKind.STORAGE_POWER));
    Address unique = actorAddr("miner");
    rt.setNewActorAddress(unique);
    rt.expectCreateActor(v2(ActorKind.STORAGE_MINER), Address.newId(100));
    rt.expectSend(
        Address.newId(100),
        Builtin.METHOD_CONSTRUCTOR,
        new RawBytes(FAKE_PARAMS),
        TokenAmount.ZERO,
        null,
        ExitCode.ERR_ILLEGAL_STATE);
    rt.expectValidateCallerAny();
    rt.expectAbort(
        ExitCode.ERR_ILLEGAL_STATE,
        () ->
            rt.call(
                ACTOR, MethodsInit.EXEC, new ExecParams(v2(ActorKind.STORAGE_MINER), FAKE_PARAMS)));
    // the failed call's state change is undone: the address does not resolve
    assertThat(state(rt).resolveAddress(rt.store(), unique)).isEmpty();
    assertThat(state(rt).nextId()).isEqualTo(100);
  }

  @Test
  void onlyThePowerActorExecsMiners() {
    assertThat(InitActor.canExec(v2(ActorKind.STORAGE_POWER), v2(ActorKind.STORAGE_MINER)))
        .isTrue();
    assertThat(InitActor.canExec(v2(ActorKind.ACCOUNT), v2(ActorKind.STORAGE_MINER))).isFalse();
    assertThat(InitActor.canExec(v2(ActorKind.MULTISIG), v2(ActorKind.STORAGE_MINER))).isFalse();
  }

  @Test
  void anyoneExecsMultisigsAndPaymentChannels() {
    for (ActorKind caller : ActorKind.values()) {
      assertThat(InitActor.canExec(v2(caller), v2(ActorKind.MULTISIG))).isTrue();
      assertThat(InitActor.canExec(v2(caller), v2(ActorKind.PAYMENT_CHANNEL))).isTrue();
    }
  }

  @Test
  void nobodyExecsOtherKindsOrOtherVersions() {
    // init_test.go "abort actors that cannot call exec": an account may not exec power or miner
    for (ActorKind target : ActorKind.values()) {
      if (target != ActorKind.MULTISIG
          && target != ActorKind.PAYMENT_CHANNEL
          && target != ActorKind.STORAGE_MINER) {
        assertThat(InitActor.canExec(v2(ActorKind.STORAGE_POWER), v2(target))).isFalse();
      }
    }
    assertThat(
            InitActor.canExec(v2(ActorKind.ACCOUNT), BuiltinActors.codeCid(ActorKind.MULTISIG, 3)))
        .isFalse();
    assertThat(
            InitActor.canExec(
                BuiltinActors.codeCid(ActorKind.STORAGE_POWER, 0), v2(ActorKind.STORAGE_MINER)))
        .isFalse();
  }

  @Test
  void execParamsAndReturnEncodeAsTuples() throws CborException {
    ExecParams p = new ExecParams(v2(ActorKind.MULTISIG), new byte[] {'D', 'E', 'A', 'D'});
    byte[] enc = p.toCbor();
    // [cid, h'DEAD' as 4 bytes]: tuple of 2, tag 42, ..., bytes(4)
    assertThat(Hex.encode(enc)).startsWith("82d82a").endsWith("4444454144");
    assertThat(ExecParams.decode(new CborReader(enc))).isEqualTo(p);

    ExecReturn r = new ExecReturn(Address.newId(100), Address.newActor(new byte[] {1}));
    assertThat(ExecReturn.decode(new CborReader(r.toCbor()))).isEqualTo(r);
    assertThat(Hex.encode(r.toCbor())).startsWith("8242006455");
  }

  @Test
  void constructorParamsAreATupleOfTheNetworkName() throws CborException {
    ConstructorParams p = new ConstructorParams("mock");
    assertThat(Hex.encode(p.toCbor())).isEqualTo("81646d6f636b");
    assertThat(ConstructorParams.decode(new CborReader(p.toCbor()))).isEqualTo(p);
  }
}
