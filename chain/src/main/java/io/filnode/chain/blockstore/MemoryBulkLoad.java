package io.filnode.chain.blockstore;

import java.util.ArrayList;
import java.util.List;

/**
 * The bulk load of stores without a staging area of their own: blocks wait in memory until {@link
 * #commit()}, which writes them with {@link Blockstore#putMany} in batches of about {@link
 * #BATCH_BYTES}. If a batch fails, the blocks of earlier batches are deleted again (the importer
 * stages only blocks the store did not have), so a failed commit leaves nothing behind.
 */
final class MemoryBulkLoad implements BulkLoad {
  /** Blocks go to the store in {@code putMany} calls of about this many bytes. */
  static final int BATCH_BYTES = 4 << 20;

  private final Blockstore store;
  private final List<Block> staged = new ArrayList<>();

  MemoryBulkLoad(Blockstore store) {
    this.store = store;
  }

  @Override
  public void add(Block block) {
    staged.add(block);
  }

  @Override
  public void commit() {
    int written = 0;
    try {
      while (written < staged.size()) {
        int end = written;
        long bytes = 0;
        while (end < staged.size() && bytes < BATCH_BYTES) {
          bytes += staged.get(end++).data().length;
        }
        store.putMany(staged.subList(written, end));
        written = end;
      }
    } catch (RuntimeException e) {
      try {
        for (Block b : staged.subList(0, written)) {
          store.delete(b.cid());
        }
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      staged.clear();
    }
  }

  @Override
  public void close() {
    staged.clear();
  }
}
