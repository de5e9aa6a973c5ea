package io.filnode.chain.blockstore;

import io.filnode.chain.cid.Cid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A blockstore in an embedded RocksDB database. Blocks live in the default column family keyed by
 * their binary CID; a second column family, {@code meta}, holds small records about the store (such
 * as which CAR imports completed). Tables carry bloom filters (10 bits per key) so that {@link
 * #has} and {@link #get} of absent blocks rarely touch the disk, and share one LRU block cache
 * whose size the caller chooses. Bulk loads (CAR imports) bypass the memtable: they write sorted
 * table files and ingest them at once ({@link #bulkLoad()}).
 *
 * <p>Thread-safe. Every RocksDB failure surfaces as a {@link BlockstoreException} naming the
 * operation and the path.
 */
public final class RocksBlockstore implements Blockstore, AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private static final byte[] META_FAMILY = "meta".getBytes(StandardCharsets.UTF_8);

  private final Path path;
  private final RocksDB db;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final LRUCache cache;
  private final BloomFilter bloom;
  private final WriteOptions writeOptions;
  private final WriteOptions syncedWriteOptions;
  private final ColumnFamilyHandle blocks;
  private final ColumnFamilyHandle meta;
  private volatile boolean closed;

  private RocksBlockstore(
      Path path,
      RocksDB db,
      DBOptions dbOptions,
      ColumnFamilyOptions cfOptions,
      LRUCache cache,
      BloomFilter bloom,
      List<ColumnFamilyHandle> handles) {
    this.path = path;
    this.db = db;
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.cache = cache;
    this.bloom = bloom;
    this.writeOptions = new WriteOptions();
    this.syncedWriteOptions = new WriteOptions().setSync(true);
    this.blocks = handles.get(0);
    this.meta = handles.get(1);
  }

  /**
   * Opens (creating if needed) the database in directory {@code dir}.
   *
   * @param blockCacheBytes the size of the LRU cache of uncompressed table blocks
   */
  public static RocksBlockstore open(Path dir, long blockCacheBytes) {
    if (blockCacheBytes < 0) {
      throw new IllegalArgumentException("block cache size must be ≥ 0: " + blockCacheBytes);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BlockstoreException("creating the blockstore directory " + dir + ": " + e, e);
    }
    LRUCache cache = new LRUCache(blockCacheBytes);
    BloomFilter bloom = new BloomFilter(10);
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(cache)
            .setFilterPolicy(bloom)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setBlockSize(16 * 1024);
    // Blocks are hashes and compressed proofs more than text: LZ4 is cheap when it does not help.
    ColumnFamilyOptions cfOptions =
        new ColumnFamilyOptions()
            .setTableFormatConfig(table)
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            .setWriteBufferSize(64L << 20);
    DBOptions dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxBackgroundJobs(2);
    List<ColumnFamilyDescriptor> families =
        List.of(
            new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
            new ColumnFamilyDescriptor(META_FAMILY, cfOptions));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksBlockstore store;
    try {
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), families, handles);
      store = new RocksBlockstore(dir, db, dbOptions, cfOptions, cache, bloom, handles);
    } catch (RocksDBException e) {
      dbOptions.close();
      cfOptions.close();
      cache.close();
      bloom.close();
      throw new BlockstoreException("opening the blockstore at " + dir + ": " + describe(e), e);
    }
    // only once the database's lock is ours: the tables of a load that a crash interrupted
    try {
      RocksBulkLoad.removeLeftovers(dir);
    } catch (BlockstoreException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** The database directory. */
  public Path path() {
    return path;
  }

  @Override
  public byte[] get(Cid cid) {
    checkOpen("get");
    try {
      return db.get(blocks, cid.bytes());
    } catch (RocksDBException e) {
      throw failure("get " + cid, e);
    }
  }

  @Override
  public boolean has(Cid cid) {
    checkOpen("has");
    byte[] key = cid.bytes();
    // keyMayExist answers "no" from the bloom filter and memtable without reading a table block.
    if (!db.keyMayExist(blocks, key, null)) {
      return false;
    }
    try {
      return db.get(blocks, key) != null;
    } catch (RocksDBException e) {
      throw failure("has " + cid, e);
    }
  }

  @Override
  public void put(Cid cid, byte[] data) {
    checkOpen("put");
    try {
      db.put(blocks, writeOptions, cid.bytes(), data);
    } catch (RocksDBException e) {
      throw failure("put " + cid, e);
    }
  }

  /** Writes all {@code blocks} in one atomic write batch: after a crash, all or none are there. */
  @Override
  public void putMany(Collection<Block> batch) {
    checkOpen("putMany");
    try (WriteBatch wb = new WriteBatch()) {
      for (Block b : batch) {
        wb.put(blocks, b.cid().bytes(), b.data());
      }
      db.write(writeOptions, wb);
    } catch (RocksDBException e) {
      throw failure("putMany of " + batch.size() + " blocks", e);
    }
  }

  /**
   * A bulk load by table-file ingestion ({@link RocksBulkLoad}): nothing staged is visible, or goes
   * through the memtable and write-ahead log, until the commit ingests it all at once.
   */
  @Override
  public BulkLoad bulkLoad() {
    return bulkLoad(RocksBulkLoad.CHUNK_BYTES);
  }

  /**
   * As {@link #bulkLoad()}, with table files of about {@code chunkBytes} (tests use small ones).
   */
  BulkLoad bulkLoad(long chunkBytes) {
    checkOpen("bulkLoad");
    return new RocksBulkLoad(this, new Options(dbOptions, cfOptions), chunkBytes);
  }

  /** Ingests table files into the blocks family in one atomic step, moving them into the store. */
  void ingest(List<String> files) {
    checkOpen("ingest");
    try (IngestExternalFileOptions o = new IngestExternalFileOptions().setMoveFiles(true)) {
      db.ingestExternalFile(blocks, files, o);
    } catch (RocksDBException e) {
      throw failure("ingesting " + files.size() + " bulk-load tables", e);
    }
  }

  @Override
  public void delete(Cid cid) {
    checkOpen("delete");
    try {
      db.delete(blocks, writeOptions, cid.bytes());
    } catch (RocksDBException e) {
      throw failure("delete " + cid, e);
    }
  }

  /** Deletes all {@code cids} in one atomic write batch. */
  public void deleteMany(Collection<Cid> cids) {
    checkOpen("deleteMany");
    try (WriteBatch wb = new WriteBatch()) {
      for (Cid c : cids) {
        wb.delete(blocks, c.bytes());
      }
      db.write(writeOptions, wb);
    } catch (RocksDBException e) {
      throw failure("deleteMany of " + cids.size() + " blocks", e);
    }
  }

  /** A small record from the {@code meta} family, or null. */
  public byte[] getMeta(String key) {
    checkOpen("getMeta");
    try {
      return db.get(meta, key.getBytes(StandardCharsets.UTF_8));
    } catch (RocksDBException e) {
      throw failure("getMeta " + key, e);
    }
  }

  /** Writes a small record into the {@code meta} family. */
  public void putMeta(String key, byte[] value) {
    checkOpen("putMeta");
    try {
      db.put(meta, writeOptions, key.getBytes(StandardCharsets.UTF_8), value);
    } catch (RocksDBException e) {
      throw failure("putMeta " + key, e);
    }
  }

  /**
   * As {@link #putMeta}, but the write-ahead log is synced to disk before this returns, so the
   * record survives a power loss as well as a process kill.
   */
  public void putMetaSynced(String key, byte[] value) {
    checkOpen("putMetaSynced");
    try {
      db.put(meta, syncedWriteOptions, key.getBytes(StandardCharsets.UTF_8), value);
    } catch (RocksDBException e) {
      throw failure("putMetaSynced " + key, e);
    }
  }

  /** Deletes a record of the {@code meta} family (nothing happens when there is none). */
  public void deleteMeta(String key) {
    checkOpen("deleteMeta");
    try {
      db.delete(meta, writeOptions, key.getBytes(StandardCharsets.UTF_8));
    } catch (RocksDBException e) {
      throw failure("deleteMeta " + key, e);
    }
  }

  /** Every record of the {@code meta} family whose key starts with {@code prefix}, by key. */
  public SortedMap<String, byte[]> metaWithPrefix(String prefix) {
    checkOpen("metaWithPrefix");
    byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
    SortedMap<String, byte[]> out = new TreeMap<>();
    try (RocksIterator it = db.newIterator(meta)) {
      for (it.seek(start); it.isValid(); it.next()) {
        String key = new String(it.key(), StandardCharsets.UTF_8);
        if (!key.startsWith(prefix)) {
          break;
        }
        out.put(key, it.value());
      }
      it.status();
    } catch (RocksDBException e) {
      throw failure("metaWithPrefix " + prefix, e);
    }
    return out;
  }

  /** Counts the blocks by scanning the keys (slow on big stores; for tools and tests). */
  public long countBlocks() {
    checkOpen("countBlocks");
    long n = 0;
    try (RocksIterator it = db.newIterator(blocks)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        n++;
      }
      it.status();
    } catch (RocksDBException e) {
      throw failure("countBlocks", e);
    }
    return n;
  }

  /** Flushes the memtables to disk (so that later reads come from table files). */
  public void flushToDisk() {
    checkOpen("flush");
    try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
      db.flush(fo, List.of(blocks, meta));
    } catch (RocksDBException e) {
      throw failure("flush", e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      db.syncWal();
      blocks.close();
      meta.close();
      db.closeE();
    } catch (RocksDBException e) {
      throw failure("close", e);
    } finally {
      writeOptions.close();
      syncedWriteOptions.close();
      dbOptions.close();
      cfOptions.close();
      cache.close();
      bloom.close();
    }
  }

  private void checkOpen(String op) {
    if (closed) {
      throw new BlockstoreException(op + " on the blockstore at " + path + ": it is closed");
    }
  }

  BlockstoreException failure(String op, RocksDBException e) {
    return new BlockstoreException(op + " in the blockstore at " + path + ": " + describe(e), e);
  }

  private static String describe(RocksDBException e) {
    return e.getStatus() != null && e.getStatus().getState() != null
        ? e.getStatus().getState()
        : String.valueOf(e.getMessage());
  }
}
