package io.filnode.node.miner.wdpost;

/**
 * A miner's proving state cannot be read: no such actor, or not a miner this node can prove for.
 */
public final class WindowPoStException extends Exception {
  private static final long serialVersionUID = 1L;

  public WindowPoStException(String message) {
    super(message);
  }
}
