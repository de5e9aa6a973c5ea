package io.filnode.node.keystore;

/** A key could not be read, written or decoded; the message names the key and the reason. */
public final class KeyStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public KeyStoreException(String message) {
    super(message);
  }

  public KeyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
