package io.filnode.mpool;

/** The provider could not answer (missing state, tipset or block): the cause says why. */
public class MpoolProviderException extends Exception {
  private static final long serialVersionUID = 1L;

  public MpoolProviderException(String message) {
    super(message);
  }

  public MpoolProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
