package io.filnode.net.wire;

/**
 * Bytes from the network (or a key file) could not be decoded or broke a protocol rule. The only
 * checked exception that leaves the {@code net} decoders; unchecked exceptions mean bugs.
 */
public class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
