package io.filnode.chain.bitfield;

/**
 * A bitfield could not be decoded or an operation on it is impossible for the given input (for
 * example too few set bits for a slice). Checked: these follow from untrusted data, not from bugs.
 */
public final class BitFieldException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code message}. */
  public BitFieldException(String message) {
    super(message);
  }
}
