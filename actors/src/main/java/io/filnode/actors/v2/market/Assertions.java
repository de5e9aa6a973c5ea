package io.filnode.actors.v2.market;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;

/**
 * specs-actors' {@code util.Assert}: a panic, which Lotus's invoker turns into exit code
 * SysErrReserved1 from network version 4 on (every version that runs the v2 actors).
 */
final class Assertions {
  private Assertions() {}

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new ActorException(ExitCode.SYS_ERR_RESERVED_1, "spec actors failure: " + message);
    }
  }
}
