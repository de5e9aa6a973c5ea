package io.filnode.chain.store;

/** A block or tipset the chain store needs is missing or does not decode. */
public final class ChainStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public ChainStoreException(String message) {
    super(message);
  }

  public ChainStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
