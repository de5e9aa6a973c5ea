package io.filnode.chain.blockstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.EnvOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;

/**
 * A bulk load into a {@link RocksBlockstore} by table-file ingestion: staged blocks are sorted by
 * key in chunks of about {@link #CHUNK_BYTES} and each chunk is written to its own SST file in a
 * private directory beside the database's files; {@link #commit()} ingests all the files in one
 * call, which RocksDB applies atomically (one manifest record), so the blocks appear together or,
 * after a failure or crash, not at all. This skips the memtable, its flushes and the write-ahead
 * log that batched writes go through. Files left by a crash are removed when the store is next
 * opened ({@link #removeLeftovers}).
 *
 * <p>Costs to know: a chunk's blocks stay on the heap until its file is written; and since CIDs are
 * random, every file spans the whole key space, so the files are ingested into level 0 and
 * RocksDB's compaction merges them afterwards (a large import ingests many level-0 files at once;
 * merging the chunks into non-overlapping files before ingestion would avoid that).
 */
final class RocksBulkLoad implements BulkLoad {
  /** Staged blocks are written to a new table file at about this many bytes. */
  static final long CHUNK_BYTES = 128L << 20;

  static final String DIR_PREFIX = "bulk-load-";

  private final RocksBlockstore store;
  private final Options options;
  private final Path dir;
  private final long chunkBytes;
  private final List<byte[]> keys = new ArrayList<>();
  private final List<byte[]> values = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private long stagedBytes;
  private boolean done;

  RocksBulkLoad(RocksBlockstore store, Options options, long chunkBytes) {
    this.store = store;
    this.options = options;
    this.chunkBytes = chunkBytes;
    try {
      this.dir = Files.createTempDirectory(store.path(), DIR_PREFIX);
    } catch (IOException e) {
      options.close();
      throw new BlockstoreException("creating a bulk-load directory in " + store.path(), e);
    }
  }

  @Override
  public void add(Block block) {
    if (done) {
      throw new IllegalStateException("the bulk load is already committed or closed");
    }
    keys.add(block.cid().bytes());
    values.add(block.data());
    stagedBytes += block.data().length;
    if (stagedBytes >= chunkBytes) {
      writeChunk();
    }
  }

  /** Sorts the chunk by key and writes it to a table file (a key repeated in it, once). */
  private void writeChunk() {
    if (keys.isEmpty()) {
      return;
    }
    int[] order = KeyOrder.sorted(keys);
    String file = dir.resolve(String.format("%06d.sst", files.size())).toString();
    try (EnvOptions env = new EnvOptions();
        SstFileWriter w = new SstFileWriter(env, options)) {
      w.open(file);
      byte[] previous = null;
      for (int i : order) {
        byte[] key = keys.get(i);
        if (previous == null || !Arrays.equals(previous, key)) {
          w.put(key, values.get(i));
        }
        previous = key;
      }
      w.finish();
    } catch (RocksDBException e) {
      throw store.failure("writing the bulk-load table " + file, e);
    }
    files.add(file);
    keys.clear();
    values.clear();
    stagedBytes = 0;
  }

  @Override
  public void commit() {
    if (done) {
      throw new IllegalStateException("the bulk load is already committed or closed");
    }
    try {
      writeChunk();
      if (!files.isEmpty()) {
        store.ingest(files);
      }
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    keys.clear();
    values.clear();
    options.close();
    deleteTree(dir);
  }

  /** Deletes the directories of bulk loads that a crash interrupted. */
  static void removeLeftovers(Path dbDir) {
    try (Stream<Path> s = Files.list(dbDir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(DIR_PREFIX)).toList()) {
        deleteTree(p);
      }
    } catch (IOException e) {
      throw new BlockstoreException("listing " + dbDir + ": " + e, e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new BlockstoreException("removing the bulk-load directory " + dir + ": " + e, e);
    }
  }
}
