package io.filnode.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link YamuxThroughputBenchmark#singleStream64MiB} timed by the whole process's CPU time as well
 * as the wall clock: on a shared machine the wall clock says how much CPU the scheduler gave both
 * hosts' event loops, while CPU-seconds per transfer say what the transfer costs (both ends:
 * encryption, decryption, yamux, Netty, GC, still including the contention of other jobs). Not a
 * JMH benchmark; run after the JMH figures, as a second view:
 *
 * <pre>java -cp bench/target/benchmarks.jar io.filnode.bench.YamuxCpuTime [rounds]</pre>
 */
public final class YamuxCpuTime {
  private YamuxCpuTime() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    YamuxThroughputBenchmark b = new YamuxThroughputBenchmark();
    b.setup();
    try {
      for (int i = 0; i < 5; i++) {
        b.singleStream64MiB(); // warm-up
      }
      double mb = YamuxThroughputBenchmark.SINGLE_BYTES / 1e6;
      double[] wall = new double[rounds];
      double[] cpu = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        b.singleStream64MiB();
        wall[i] = (System.nanoTime() - wall0) / 1e9;
        cpu[i] = (os.getProcessCpuTime() - cpu0) / 1e9;
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(
          Locale.ROOT,
          "64 MiB on one stream, median of %d: %.3f s wall (%.0f MB/s), %.3f CPU-s (%.0f MB"
              + " per CPU-second, both ends together)%n",
          rounds,
          wall[rounds / 2],
          mb / wall[rounds / 2],
          cpu[rounds / 2],
          mb / cpu[rounds / 2]);
    } finally {
      b.tearDown();
    }
  }
}
