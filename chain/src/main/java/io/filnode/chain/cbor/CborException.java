package io.filnode.chain.cbor;

/**
 * The one exception a DAG-CBOR decoder throws: the input was malformed, non-canonical or beyond a
 * limit. The message says what was being decoded and at which byte offset.
 */
public final class CborException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public CborException(String message, long offset) {
    super(offset >= 0 ? message + " (at offset " + offset + ")" : message);
    this.offset = offset;
  }

  public CborException(String message, long offset, Throwable cause) {
    this(message, offset);
    initCause(cause);
  }

  /** The byte offset where the problem was found, or -1 when it is not about one position. */
  public long offset() {
    return offset;
  }

  /** The same problem, with what was being decoded put in front. */
  public CborException within(String what) {
    CborException e = new CborException("decoding " + what + ": " + getMessage(), -1);
    e.initCause(this);
    return e;
  }
}
