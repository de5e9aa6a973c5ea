package io.filnode.node.miner;

/**
 * A block could not be produced: the state it needs is missing or not what EC expects, the beacon
 * failed, signing failed, or the block produced does not verify.
 */
public final class MiningException extends Exception {
  private static final long serialVersionUID = 1L;

  public MiningException(String message) {
    super(message);
  }

  public MiningException(String message, Throwable cause) {
    super(message, cause);
  }
}
