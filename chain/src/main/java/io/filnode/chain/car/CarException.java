package io.filnode.chain.car;

/**
 * A CAR file could not be read: it is truncated, malformed, beyond a limit, a block does not match
 * its CID, or the underlying stream failed. The message says what and where (section number and
 * byte offset in the uncompressed stream).
 */
public final class CarException extends Exception {
  private static final long serialVersionUID = 1L;

  public CarException(String message) {
    super(message);
  }

  public CarException(String message, Throwable cause) {
    super(message, cause);
  }
}
