package io.filnode.vm.stmgr;

/** A tipset's state cannot be computed or read: missing blocks, undecodable state, a VM failure. */
public final class StateManagerException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateManagerException(String message) {
    super(message);
  }

  public StateManagerException(String message, Throwable cause) {
    super(message, cause);
  }
}
