package io.filnode.actors.builtin;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;

/**
 * A Go panic in actor code that is not an abort (a failed {@code Assert}, an explicit {@code
 * panic}): Lotus's runtime (v1.10.0 {@code shimCall}) recovers it and ends the call with exit code
 * 1 up to network version 3, and SysErrReserved1 from version 4.
 */
public final class GoPanic {
  private GoPanic() {}

  /** The abort Lotus turns such a panic into; throw it. */
  public static ActorException of(Runtime rt, String message) {
    int code = rt.networkVersion() <= 3 ? 1 : ExitCode.SYS_ERR_RESERVED_1;
    return new ActorException(code, "spec actors failure: " + message);
  }
}
