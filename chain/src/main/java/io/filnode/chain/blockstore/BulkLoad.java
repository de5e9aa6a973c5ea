package io.filnode.chain.blockstore;

/**
 * Blocks staged for a bulk load (a CAR import) that become visible in their store all at once, on
 * {@link #commit()}, or never: closing an uncommitted load discards what it staged. Not
 * thread-safe; one load is fed by one thread.
 */
public interface BulkLoad extends AutoCloseable {
  /** Stages a block; its bytes must already be checked against its CID. */
  void add(Block block);

  /**
   * Makes every staged block visible and durable, atomically where the store can: after a crash,
   * all of them or none are there.
   */
  void commit();

  /** Discards whatever was staged and not committed. */
  @Override
  void close();
}
