package io.filnode.vm;

/**
 * A failure that is no outcome of the message but a broken VM or store (Lotus's fatal actor
 * errors): it unwinds every call and makes the message fail to apply at all.
 */
public final class VmFatalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VmFatalException(String message) {
    super(message);
  }

  public VmFatalException(String message, Throwable cause) {
    super(message, cause);
  }
}
