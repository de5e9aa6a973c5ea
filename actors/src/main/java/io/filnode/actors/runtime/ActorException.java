package io.filnode.actors.runtime;

import java.util.Locale;

/**
 * An actor call ending with a non-zero exit code: what specs-actors does with {@code rt.Abortf}.
 * The VM catches it at the boundary of the call, reverts the callee's state changes and records the
 * code. It carries no stack trace, because aborts are ordinary outcomes of bad messages, not bugs.
 */
public class ActorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public ActorException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public ActorException(int exitCode, String message, Throwable cause) {
    super(message, cause, false, false);
    this.exitCode = exitCode;
  }

  /** Formats the message as {@link String#format} does. */
  public static ActorException abortf(int exitCode, String format, Object... args) {
    return new ActorException(exitCode, String.format(Locale.ROOT, format, args));
  }

  public int exitCode() {
    return exitCode;
  }

  @Override
  public String toString() {
    return ExitCode.name(exitCode) + ": " + getMessage();
  }
}
