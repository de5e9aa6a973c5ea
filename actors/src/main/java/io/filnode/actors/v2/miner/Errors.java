package io.filnode.actors.v2.miner;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import java.util.Locale;

/**
 * The miner state's errors as aborts. Go's state methods return errors that the actor turns into
 * exit codes with {@code RequireNoErr}: an error carrying an exit code keeps it, any other becomes
 * {@code ErrIllegalState}. Here the state code throws the final code directly.
 */
final class Errors {
  private Errors() {}

  static ActorException illegalState(String format, Object... args) {
    return new ActorException(ExitCode.ERR_ILLEGAL_STATE, String.format(Locale.ROOT, format, args));
  }

  static ActorException illegalArgument(String format, Object... args) {
    return new ActorException(
        ExitCode.ERR_ILLEGAL_ARGUMENT, String.format(Locale.ROOT, format, args));
  }

  static ActorException notFound(String format, Object... args) {
    return new ActorException(ExitCode.ERR_NOT_FOUND, String.format(Locale.ROOT, format, args));
  }

  static ActorException forbidden(String format, Object... args) {
    return new ActorException(ExitCode.ERR_FORBIDDEN, String.format(Locale.ROOT, format, args));
  }

  /** Runs {@code body}, re-coding any abort as {@code code} (Go's {@code xc.Code.Wrapf}). */
  static <T> T recode(int code, java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (ActorException e) {
      if (e.exitCode() == code || ExitCode.isSystemError(e.exitCode())) {
        throw e;
      }
      throw new ActorException(code, e.getMessage());
    }
  }

  /** Loads a block as adt.Store.Get; a missing or malformed block is {@code ErrIllegalState}. */
  static <T> T get(IpldStore store, Cid cid, String what, CborReader.Decoder<T> decoder) {
    try {
      return store.get(cid, what, decoder);
    } catch (CborException e) {
      throw illegalState("failed to load %s: %s", what, e.getMessage());
    }
  }
}
