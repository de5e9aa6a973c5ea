package io.filnode.actors.v2.miner;

/** Ends an AMT or bitfield walk early, as Go's sentinel "stop" errors do. */
final class StopIteration extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StopIteration() {
    super("stop", null, false, false);
  }
}
