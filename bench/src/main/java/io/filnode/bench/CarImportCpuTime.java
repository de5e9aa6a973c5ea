package io.filnode.bench;

import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.car.CarImporter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The CAR imports of {@link CarImportBenchmark} measured by CPU time as well as by the wall clock,
 * because on this shared machine wall time mostly says what the other jobs left us. Per import:
 * wall MB/s; the CPU time of the importing thread (ThreadMXBean); the CPU time of the whole process
 * (the checking thread, RocksDB's own threads, GC and JIT included), as CPU-seconds per GB of
 * blocks. Each import goes into a fresh store; the store's close (waiting for RocksDB's background
 * work) is outside the timed part, as in the JMH benchmark.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.filnode.bench.CarImportCpuTime [runs] [MiB]</pre>
 */
public final class CarImportCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private CarImportCpuTime() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    for (int blockSize : new int[] {1024, 16384}) {
      Path car = CarImportBenchmark.syntheticCar(megabytes, blockSize);
      List<double[]> results = new ArrayList<>();
      for (int i = -1; i < runs; i++) { // the first run warms up
        double[] r = importOnce(car);
        if (i >= 0) {
          results.add(r);
        }
        System.out.printf(
            Locale.ROOT,
            "%s %5d B blocks: %6.1f MB/s wall, %5.2f CPU-s/GB importing thread, %5.2f CPU-s/GB"
                + " process%n",
            i < 0 ? "warm-up " : "run " + (i + 1) + "   ",
            blockSize,
            r[0],
            r[1],
            r[2]);
      }
      System.out.printf(
          Locale.ROOT,
          "median  %5d B blocks: %6.1f MB/s wall, %5.2f CPU-s/GB importing thread, %5.2f CPU-s/GB"
              + " process%n",
          blockSize,
          median(results, 0),
          median(results, 1),
          median(results, 2));
    }
  }

  /** Wall MB/s, importing thread CPU-s per GB, process CPU-s per GB. */
  private static double[] importOnce(Path car) throws Exception {
    Path db = Files.createTempDirectory(CarImportBenchmark.targetDir(), "import-db");
    try (RocksBlockstore store = RocksBlockstore.open(db, 64L << 20)) {
      long thread0 = THREADS.getCurrentThreadCpuTime();
      long process0 = OS.getProcessCpuTime();
      long wall0 = System.nanoTime();
      long bytes = CarImporter.importCar(CarImporter.Source.of(car), store, null).blockBytes();
      double wall = (System.nanoTime() - wall0) / 1e9;
      double gb = bytes / 1e9;
      return new double[] {
        bytes / 1e6 / wall,
        (THREADS.getCurrentThreadCpuTime() - thread0) / 1e9 / gb,
        (OS.getProcessCpuTime() - process0) / 1e9 / gb
      };
    } finally {
      CarImportBenchmark.deleteTree(db);
    }
  }

  private static double median(List<double[]> rs, int column) {
    List<Double> v = new ArrayList<>();
    rs.forEach(r -> v.add(r[column]));
    Collections.sort(v);
    return v.get(v.size() / 2);
  }
}
