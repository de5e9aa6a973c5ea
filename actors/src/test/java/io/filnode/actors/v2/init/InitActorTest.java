package io.filnode.actors.v2.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import org.junit.jupiter.api.Test;

class InitActorTest {
  private static Cid v2(ActorKind kind) {
    return BuiltinActors.codeCid(kind, 2);
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
