package io.filnode.vm;

/** A message that cannot be applied at all (Lotus's ApplyMessage returning an error). */
public final class MessageApplyException extends Exception {
  private static final long serialVersionUID = 1L;

  public MessageApplyException(String message) {
    super(message);
  }

  public MessageApplyException(String message, Throwable cause) {
    super(message, cause);
  }
}
