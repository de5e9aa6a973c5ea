package io.filnode.actors.v2.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsAccount;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** After specs-actors v2.3.6 account_test.go TestAccountactor. */
class AccountActorTest {
  private static final AccountActor ACTOR = new AccountActor();
  private static final Address RECEIVER = Address.newId(100);

  private static MockRuntime runtime() {
    return new MockRuntime(RECEIVER)
        .setCaller(Builtin.SYSTEM_ACTOR_ADDR, BuiltinActors.codeCid(ActorKind.SYSTEM, 2));
  }

  private static void constructsAndReturnsItsKey(Address key) {
    MockRuntime rt = runtime();
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.call(ACTOR, MethodsAccount.CONSTRUCTOR, key::encode);
    rt.verify();
    assertThat(rt.getState(AccountState::decode)).isEqualTo(new AccountState(key));

    rt.expectValidateCallerAny();
    assertThat(rt.call(ACTOR, MethodsAccount.PUBKEY_ADDRESS, null, Address::decode)).isEqualTo(key);
    rt.verify();
  }

  private static void refuses(Address key) {
    MockRuntime rt = runtime();
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () -> rt.call(ACTOR, MethodsAccount.CONSTRUCTOR, key::encode));
    rt.verify();
  }

  @Test
  void happyPathConstructSecp256k1Address() {
    constructsAndReturnsItsKey(Address.newSecp256k1(secpKey()));
  }

  @Test
  void happyPathConstructBlsAddress() {
    byte[] key = new byte[48];
    key[0] = 1;
    constructsAndReturnsItsKey(Address.newBls(key));
  }

  @Test
  void failToConstructAccountActorUsingIdAddress() {
    refuses(Address.newId(1));
  }

  @Test
  void failToConstructAccountActorUsingActorAddress() {
    refuses(Address.newActor("actoraddress".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void onlyTheSystemMayConstruct() {
    MockRuntime rt =
        new MockRuntime(RECEIVER)
            .setCaller(Address.newId(1000), BuiltinActors.codeCid(ActorKind.ACCOUNT, 2));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    Address key = Address.newBls(new byte[48]);
    rt.expectAbort(
        ExitCode.SYS_ERR_FORBIDDEN, () -> rt.call(ACTOR, MethodsAccount.CONSTRUCTOR, key::encode));
  }

  @Test
  void malformedParamsAreASerializationError() {
    // Lotus's invoker: ErrSerialization from network version 7, exit code 1 before
    MockRuntime rt = runtime().setNetworkVersion(7);
    rt.expectAbort(
        ExitCode.ERR_SERIALIZATION,
        () -> rt.call(ACTOR, MethodsAccount.CONSTRUCTOR, w -> w.writeRaw(Hex.decode("40"))));
    MockRuntime old = runtime().setNetworkVersion(4);
    old.expectAbort(
        1, () -> old.call(ACTOR, MethodsAccount.CONSTRUCTOR, w -> w.writeRaw(Hex.decode("40"))));
  }

  private static byte[] secpKey() {
    byte[] key = new byte[65];
    key[0] = 4;
    key[1] = 7;
    return key;
  }
}
