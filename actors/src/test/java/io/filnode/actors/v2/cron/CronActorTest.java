package io.filnode.actors.v2.cron;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsCron;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.chain.address.Address;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After specs-actors v2.3.6 cron_test.go. */
class CronActorTest {
  private static final CronActor ACTOR = new CronActor();

  private static MockRuntime constructed(List<CronEntry> entries) {
    MockRuntime rt =
        new MockRuntime(Address.newId(100))
            .setCaller(Builtin.SYSTEM_ACTOR_ADDR, BuiltinActors.codeCid(ActorKind.SYSTEM, 2));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(ACTOR, MethodsCron.CONSTRUCTOR, new ConstructorParams(entries))).isEmpty();
    rt.verify();
    return rt;
  }

  private static List<CronEntry> entries() {
    return List.of(
        new CronEntry(Address.newId(1001), 1001),
        new CronEntry(Address.newId(1002), 1002),
        new CronEntry(Address.newId(1003), 1003),
        new CronEntry(Address.newId(1004), 1004));
  }

  @Test
  void constructWithEmptyEntries() {
    MockRuntime rt = constructed(List.of());
    assertThat(rt.getState(CronState::decode).entries()).isEmpty();
  }

  @Test
  void constructWithNonEmptyEntries() {
    MockRuntime rt = constructed(entries());
    assertThat(rt.getState(CronState::decode).entries()).containsExactlyElementsOf(entries());
  }

  @Test
  void epochTickWithEmptyEntries() {
    MockRuntime rt = constructed(List.of());
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(ACTOR, MethodsCron.EPOCH_TICK, null)).isEmpty();
    rt.verify();
  }

  @Test
  void epochTickWithNonEmptyEntriesIgnoresExitCodes() {
    MockRuntime rt = constructed(entries());
    int[] codes = {
      ExitCode.OK,
      ExitCode.ERR_ILLEGAL_ARGUMENT,
      ExitCode.ERR_INSUFFICIENT_FUNDS,
      ExitCode.ERR_FORBIDDEN
    };
    for (int i = 0; i < 4; i++) {
      CronEntry e = entries().get(i);
      rt.expectSend(e.receiver(), e.methodNum(), null, TokenAmount.ZERO, null, codes[i]);
    }
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(ACTOR, MethodsCron.EPOCH_TICK, null)).isEmpty();
    rt.verify();
  }

  @Test
  void epochTickIsForTheSystemOnly() {
    MockRuntime rt = constructed(entries());
    rt.setCaller(Address.newId(1000), BuiltinActors.codeCid(ActorKind.ACCOUNT, 2));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(ExitCode.SYS_ERR_FORBIDDEN, () -> rt.call(ACTOR, MethodsCron.EPOCH_TICK, null));
  }

  @Test
  void builtInEntries() {
    assertThat(CronState.builtInEntries()).isNotEmpty();
  }
}
