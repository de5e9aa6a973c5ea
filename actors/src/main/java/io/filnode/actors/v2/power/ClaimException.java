package io.filnode.actors.v2.power;

/**
 * An error that Go's power state methods return (rather than abort with): the callers choose to
 * abort with {@link #exitCode()} or, in the cron path, to log and go on.
 */
final class ClaimException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  ClaimException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
