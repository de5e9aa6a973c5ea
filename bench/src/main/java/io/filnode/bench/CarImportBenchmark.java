package io.filnode.bench;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.car.CarHeader;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.car.CarWriter;
import io.filnode.chain.cbor.CborWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Imports a synthetic CAR of random DAG-CBOR blocks into a fresh RocksDB blockstore: reading,
 * hashing every block and writing it. One invocation is one whole import; MB/s = the CAR's block
 * bytes / the time. The CAR is generated once into {@code bench/target/}. {@link CarImportCpuTime}
 * measures the same imports by CPU time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CarImportBenchmark {
  @Param({"200"})
  public int megabytes;

  @Param({"1024", "16384"})
  public int blockSize;

  private Path car;
  private Path db;
  private RocksBlockstore store;

  /** {@code bench/target} when run from the repository root, else {@code target}. */
  static Path targetDir() throws IOException {
    Path p =
        Files.isDirectory(Path.of("bench", "target"))
            ? Path.of("bench", "target")
            : Path.of("target");
    return Files.createDirectories(p);
  }

  @Setup(Level.Trial)
  public void makeCar() throws IOException {
    car = syntheticCar(megabytes, blockSize);
  }

  /**
   * A CAR of {@code megabytes} MiB of random DAG-CBOR blocks of {@code blockSize} bytes, written
   * once into the target directory and reused.
   */
  static Path syntheticCar(int megabytes, int blockSize) throws IOException {
    Path car = targetDir().resolve("synthetic-" + megabytes + "MB-" + blockSize + ".car");
    if (Files.exists(car)) {
      return car;
    }
    SplittableRandom rnd = new SplittableRandom(1);
    long total = (long) megabytes << 20;
    Path tmp = car.resolveSibling(car.getFileName() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
      byte[] first = new byte[blockSize];
      rnd.nextBytes(first);
      Block root = Block.ofDagCbor(new CborWriter().writeBytes(first).toByteArray());
      try (CarWriter w = new CarWriter(out, new CarHeader(List.of(root.cid())))) {
        w.write(root);
        for (long written = blockSize; written < total; written += blockSize) {
          byte[] data = new byte[blockSize];
          rnd.nextBytes(data);
          w.write(Block.ofDagCbor(new CborWriter().writeBytes(data).toByteArray()));
        }
      }
    }
    Files.move(tmp, car);
    return car;
  }

  @Setup(Level.Invocation)
  public void freshStore() throws IOException {
    db = Files.createTempDirectory(targetDir(), "import-db");
    store = RocksBlockstore.open(db, 64L << 20);
  }

  @TearDown(Level.Invocation)
  public void dropStore() throws IOException {
    store.close();
    deleteTree(db);
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public long importCar() throws Exception {
    return CarImporter.importCar(CarImporter.Source.of(car), store, null).blockBytes();
  }
}
