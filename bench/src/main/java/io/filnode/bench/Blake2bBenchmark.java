package io.filnode.bench;

import io.filnode.chain.crypto.Blake2b;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * blake2b-256 (CIDs, block and message hashing): {@code bouncycastle} is {@link Blake2b}, which the
 * node uses (BouncyCastle's {@code Blake2bDigest}); {@code unrolled} is the {@link Blake2bUnrolled}
 * experiment, checked against it in the setup. MB/s = ops/s × size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Blake2bBenchmark {
  @Param({"1024", "1048576"})
  public int size;

  @Param({"bouncycastle", "unrolled"})
  public String impl;

  private byte[] data;
  private boolean unrolled;

  @Setup
  public void setup() {
    Random rnd = new Random(1);
    data = new byte[size];
    rnd.nextBytes(data);
    unrolled = "unrolled".equals(impl);
    // the experiment must give BouncyCastle's digests, across block boundaries too
    for (int n = 0; n <= 3 * 128 + 1; n++) {
      byte[] in = Arrays.copyOf(data, Math.min(n, data.length));
      check(in);
    }
    check(data);
  }

  private static void check(byte[] in) {
    if (!Arrays.equals(Blake2bUnrolled.digest(in, 32), Blake2b.sum256(in))) {
      throw new IllegalStateException("Blake2bUnrolled differs at " + in.length + " bytes");
    }
  }

  @Benchmark
  public byte[] sum256() {
    return unrolled ? Blake2bUnrolled.digest(data, 32) : Blake2b.sum256(data);
  }
}
