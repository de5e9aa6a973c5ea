package io.filnode.actors.v2.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.chain.address.Address;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import org.junit.jupiter.api.Test;

class SystemActorTest {
  private static final SystemActor ACTOR = new SystemActor();

  @Test
  void constructorCreatesTheEmptyState() {
    MockRuntime rt =
        new MockRuntime(Builtin.SYSTEM_ACTOR_ADDR)
            .setCaller(Builtin.SYSTEM_ACTOR_ADDR, BuiltinActors.codeCid(ActorKind.SYSTEM, 2));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(ACTOR, Builtin.METHOD_CONSTRUCTOR, null)).isEmpty();
    rt.verify();
    assertThat(rt.getState(SystemState::decode)).isEqualTo(new SystemState());
  }

  @Test
  void onlyTheSystemMayConstruct() {
    MockRuntime rt =
        new MockRuntime(Builtin.SYSTEM_ACTOR_ADDR)
            .setCaller(Address.newId(1000), BuiltinActors.codeCid(ActorKind.ACCOUNT, 2));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.SYS_ERR_FORBIDDEN, () -> rt.call(ACTOR, Builtin.METHOD_CONSTRUCTOR, null));
  }

  @Test
  void everyOtherMethodIsInvalid() {
    MockRuntime rt = new MockRuntime(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(ExitCode.SYS_ERR_INVALID_METHOD, () -> rt.call(ACTOR, 2, null));
  }
}
