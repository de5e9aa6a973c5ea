package io.filnode.chain.store;

import io.filnode.chain.blockstore.RocksBlockstore;

/**
 * Chain metadata in the {@code meta} column family of a {@link RocksBlockstore}, so the head and
 * the genesis survive restarts. Each put is one RocksDB write: atomic, and kept when the process is
 * killed (the write-ahead log is in the OS's cache). Puts are not fsynced, so a power loss can lose
 * the newest heads; the log is replayed as a prefix, so the head kept still names blocks that are.
 */
public final class RocksChainMetadata implements ChainMetadata {
  /** Keys are prefixed so they cannot collide with other users of the meta family. */
  static final String PREFIX = "chain/";

  private final RocksBlockstore store;

  public RocksChainMetadata(RocksBlockstore store) {
    this.store = store;
  }

  @Override
  public byte[] get(String key) {
    return store.getMeta(PREFIX + key);
  }

  @Override
  public void put(String key, byte[] value) {
    store.putMeta(PREFIX + key, value);
  }
}
