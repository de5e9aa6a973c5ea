package io.filnode.chain.store;

/**
 * Small named values the chain store keeps beside the blocks (the head, the genesis CID). A put is
 * durable and atomic when it returns, so writing the head last makes a crash restart on a complete
 * tipset.
 */
public interface ChainMetadata {
  /** The value under {@code key}, or null. */
  byte[] get(String key);

  void put(String key, byte[] value);
}
