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
   * Starts a bulk load (a CAR import): blocks staged in it become visible together on commit, or
   * not at all. By default they wait in memory and are written with {@link #putMany}; stores with a
   * cheaper way (such as RocksDB's table-file ingestion) override this.
   */
  default BulkLoad bulkLoad() {
    return new MemoryBulkLoad(this);
  }
}
