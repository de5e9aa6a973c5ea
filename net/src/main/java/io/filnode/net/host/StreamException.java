package io.filnode.net.host;

/** A stream or connection failed (reset, closed, refused, or its protocol was not supported). */
public class StreamException extends Exception {
  private static final long serialVersionUID = 1L;

  public StreamException(String message) {
    super(message);
  }

  public StreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
