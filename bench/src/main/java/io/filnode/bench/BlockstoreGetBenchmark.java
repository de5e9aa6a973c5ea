package io.filnode.bench;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of {@code get} on a RocksDB blockstore of 200,000 blocks of 1 KiB (about 200 MB), flushed
 * to table files. {@code warm}: keys from a hot set of 1,000 blocks, always in the block cache.
 * {@code cold}: uniformly random keys with a 1 MiB block cache, so nearly every get misses the
 * RocksDB cache (the OS page cache may still hold the file: this is not a disk-seek figure). {@code
 * absent}: {@code has} of keys that are not there (answered by the bloom filters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockstoreGetBenchmark {
  private static final int BLOCKS = 200_000;
  private static final int HOT = 1_000;

  @Param({"warm", "cold"})
  public String cache;

  private Path db;
  private RocksBlockstore store;
  private final List<Cid> cids = new ArrayList<>();
  private final List<Cid> absent = new ArrayList<>();
  private final SplittableRandom rnd = new SplittableRandom(7);

  @Setup(Level.Trial)
  public void fill() throws IOException {
    db = Files.createTempDirectory(CarImportBenchmark.targetDir(), "get-db");
    try (RocksBlockstore s = RocksBlockstore.open(db, 8L << 20)) {
      List<Block> batch = new ArrayList<>();
      SplittableRandom r = new SplittableRandom(3);
      for (int i = 0; i < BLOCKS; i++) {
        byte[] data = new byte[1024];
        r.nextBytes(data);
        Block b = Block.ofDagCbor(new CborWriter().writeBytes(data).toByteArray());
        cids.add(b.cid());
        batch.add(b);
        if (batch.size() == 4096) {
          s.putMany(batch);
          batch.clear();
        }
      }
      s.putMany(batch);
      s.flushToDisk();
      for (int i = 0; i < 10_000; i++) {
        absent.add(Cid.ofDagCbor(new CborWriter().writeUint64(i).toByteArray()));
      }
    }
    store = RocksBlockstore.open(db, "warm".equals(cache) ? 256L << 20 : 1L << 20);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    CarImportBenchmark.deleteTree(db);
  }

  @Benchmark
  public byte[] get() {
    int i = "warm".equals(cache) ? rnd.nextInt(HOT) : rnd.nextInt(BLOCKS);
    return store.get(cids.get(i));
  }

  @Benchmark
  public boolean hasAbsent() {
    return store.has(absent.get(rnd.nextInt(absent.size())));
  }
}
