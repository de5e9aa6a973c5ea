package io.filnode.actors.v2.system;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;

/**
 * The system actor (specs-actors v2 {@code builtin/system}): a singleton whose only method is its
 * constructor, called at genesis by the system itself.
 */
public final class SystemActor implements ActorCode {
  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == Builtin.METHOD_CONSTRUCTOR) {
      // Go's params are *abi.EmptyValue: the bytes are not read.
      rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
      rt.stateCreate(new SystemState());
      return NONE;
    }
    throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
  }
}
