package io.filnode.actors.v2.cron;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsCron;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.chain.types.TokenAmount;

/**
 * The cron actor (specs-actors v2 {@code builtin/cron}): a singleton the system calls after each
 * epoch's messages, which in turn calls every registered entry.
 */
public final class CronActor implements ActorCode {
  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == MethodsCron.CONSTRUCTOR) {
      constructor(rt, Params.decode(rt, params, ConstructorParams::decode));
      return NONE;
    }
    if (method == MethodsCron.EPOCH_TICK) {
      // Go's params are *abi.EmptyValue: the bytes are not read.
      epochTick(rt);
      return NONE;
    }
    throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
  }

  private static void constructor(Runtime rt, ConstructorParams params) {
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    rt.stateCreate(new CronState(params.entries()));
  }

  private static void epochTick(Runtime rt) {
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    CronState st = rt.stateReadonly(CronState::decode);
    for (CronEntry entry : st.entries()) {
      // A failing entry must not stop the others: its exit code is ignored, as in Go.
      rt.send(entry.receiver(), entry.methodNum(), null, TokenAmount.ZERO);
    }
  }
}
