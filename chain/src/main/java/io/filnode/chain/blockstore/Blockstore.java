package io.filnode.chain.blockstore;

import io.filnode.chain.cid.Cid;
import java.util.Collection;

/**
 * Content-addressed storage of IPLD blocks. Implementations: an in-memory store for tests, RocksDB
 * for the node, and a buffered layer for the VM. A block's bytes must hash to its CID; stores do
 * not re-check on every read, importers check once on the way in.
 */
public interface Blockstore {
  /** The block's bytes, or null when the store does not have it. */
  byte[] get(Cid cid);

  boolean has(Cid cid);

  void put(Cid cid, byte[] data);

  /** Stores many blocks; implementations may write them atomically in one batch. */
  default void putMany(Collection<Block> blocks) {
    for (Block b : blocks) {
      put(b.cid(), b.data());
    }
  }

  void delete(Cid cid);

  /**
   * Stores many blocks for a bulk load (a CAR import): like {@link #putMany}, but a store may skip
   * its write-ahead log, so the blocks may be lost in a crash until {@link #syncBulk()} returns.
   * Nothing that refers to them may be written before that.
   */
  default void putManyBulk(Collection<Block> blocks) {
    putMany(blocks);
  }

  /** Makes every block written with {@link #putManyBulk} durable. */
  default void syncBulk() {}
}
