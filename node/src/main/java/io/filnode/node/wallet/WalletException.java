package io.filnode.node.wallet;

/** A wallet operation failed: unknown address, unreadable key, invalid key bytes. */
public final class WalletException extends Exception {
  private static final long serialVersionUID = 1L;

  public WalletException(String message) {
    super(message);
  }

  public WalletException(String message, Throwable cause) {
    super(message, cause);
  }
}
