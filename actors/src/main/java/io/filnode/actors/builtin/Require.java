package io.filnode.actors.builtin;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.cbor.CborException;

/** specs-actors' RequireParam/RequireState/RequireNoErr as small checks that abort. */
public final class Require {
  private Require() {}

  /** Aborts with {@code ErrIllegalArgument} unless {@code predicate}. */
  public static void param(boolean predicate, String message) {
    if (!predicate) {
      throw new ActorException(ExitCode.ERR_ILLEGAL_ARGUMENT, message);
    }
  }

  /** Aborts with {@code ErrIllegalState} unless {@code predicate}. */
  public static void state(boolean predicate, String message) {
    if (!predicate) {
      throw new ActorException(ExitCode.ERR_ILLEGAL_STATE, message);
    }
  }

  /** The abort for a state structure that fails to load or decode ({@code ErrIllegalState}). */
  public static ActorException illegalState(String what, CborException cause) {
    return new ActorException(ExitCode.ERR_ILLEGAL_STATE, what + ": " + cause.getMessage(), cause);
  }
}
