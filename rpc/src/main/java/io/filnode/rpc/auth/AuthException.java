package io.filnode.rpc.auth;

/** A token that does not verify: malformed, another algorithm, a bad signature or payload. */
public final class AuthException extends Exception {
  private static final long serialVersionUID = 1L;

  public AuthException(String message) {
    super(message);
  }

  public AuthException(String message, Throwable cause) {
    super(message, cause);
  }
}
