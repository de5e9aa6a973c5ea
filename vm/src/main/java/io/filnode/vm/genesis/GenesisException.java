package io.filnode.vm.genesis;

/** The genesis could not be built from its spec: bad input, or an actor call refused it. */
public final class GenesisException extends Exception {
  private static final long serialVersionUID = 1L;

  public GenesisException(String message) {
    super(message);
  }

  public GenesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
