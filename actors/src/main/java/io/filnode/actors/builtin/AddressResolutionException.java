package io.filnode.actors.builtin;

import io.filnode.actors.runtime.ExitCode;

/**
 * An address that {@link Addresses#resolveToIdAddr} could not turn into an ID address: the error
 * specs-actors' {@code ResolveToIDAddr} returns. {@link #exitCode()} is the code Go's {@code
 * RequireNoErr(…, ErrIllegalState, …)} would abort with: the failed send's code when the send
 * failed, else {@code ErrIllegalState}.
 */
public final class AddressResolutionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  AddressResolutionException(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  AddressResolutionException(String message) {
    this(message, ExitCode.ERR_ILLEGAL_STATE);
  }

  public int exitCode() {
    return exitCode;
  }
}
