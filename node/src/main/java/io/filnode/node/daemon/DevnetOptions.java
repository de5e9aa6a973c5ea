package io.filnode.node.daemon;

/**
 * How {@code filnode devnet} creates a devnet on a repo that has none yet; a repo that has one
 * keeps what it was created with ({@link DevnetSettings}).
 *
 * @param miners how many genesis miners, each with its own BLS worker key in the wallet
 * @param blockDelaySecs the epoch duration
 */
public record DevnetOptions(int miners, long blockDelaySecs) {
  public DevnetOptions {
    if (miners < 1) {
      throw new IllegalArgumentException("--miners must be at least 1: " + miners);
    }
    if (blockDelaySecs < 1) {
      throw new IllegalArgumentException(
          "--block-time must be at least 1 second: " + blockDelaySecs);
    }
  }
}
