package io.filnode.chain.crypto;

/**
 * A key, signature or point given to the crypto code is malformed or out of range. Checked, because
 * such bytes come from users, files and the network.
 */
public final class CryptoException extends Exception {
  private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
