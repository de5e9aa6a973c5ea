package io.filnode.chain.cbor;

/**
 * The one exception a DAG-CBOR decoder throws: the input was malformed, non-canonical or beyond a
 * limit. The message says what was being decoded and at which byte offset.
 *
 * <p>It carries no stack trace: malformed input is expected from the network, the message and
 * offset say everything, and filling traces would let garbage cost us CPU.
 */
public final class CborException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public CborException(String message, long offset) {
    this(message, offset, null);
  }

  public CborException(String message, long offset, Throwable cause) {
    super(offset >= 0 ? message + " (at offset " + offset + ")" : message, cause, false, false);
    this.offset = offset;
  }

  /** The byte offset where the problem was found, or -1 when it is not about one position. */
  public long offset() {
    return offset;
  }

  /** The same problem, with what was being decoded put in front. */
  public CborException within(String what) {
    return new CborException("decoding " + what + ": " + getMessage(), -1, this);
  }
}
