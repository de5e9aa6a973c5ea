package io.filnode.node.daemon;

/** The daemon cannot start: a bad repo, a wrong genesis, a store that does not open. */
public final class DaemonException extends Exception {
  private static final long serialVersionUID = 1L;

  public DaemonException(String message) {
    super(message);
  }

  public DaemonException(String message, Throwable cause) {
    super(message, cause);
  }
}
