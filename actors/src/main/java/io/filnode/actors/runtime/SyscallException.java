package io.filnode.actors.runtime;

/**
 * A syscall that failed (an invalid signature, proof or fault report): the {@code error} result of
 * the Go syscalls. Actors decide which exit code it becomes.
 */
public class SyscallException extends Exception {
  private static final long serialVersionUID = 1L;

  public SyscallException(String message) {
    super(message);
  }

  public SyscallException(String message, Throwable cause) {
    super(message, cause);
  }
}
