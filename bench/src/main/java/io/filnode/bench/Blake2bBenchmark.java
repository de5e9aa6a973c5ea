package io.filnode.bench;

import io.filnode.chain.crypto.Blake2b;
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
 * blake2b-256 (CIDs, block and message hashing) through {@link Blake2b}, our own implementation (it
 * replaced BouncyCastle's {@code Blake2bDigest}; {@link CryptoCpuTime} times both). MB/s = ops/s ×
 * size.
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

  private byte[] data;

  @Setup
  public void setup() {
    Random rnd = new Random(1);
    data = new byte[size];
    rnd.nextBytes(data);
  }

  @Benchmark
  public byte[] sum256() {
    return Blake2b.sum256(data);
  }
}
