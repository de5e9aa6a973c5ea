package io.filnode.bench;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.bitfield.BitFieldException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The RLE+ bitfield on a miner-sized sectors field: about 100,000 sector numbers in runs with holes
 * (terminated and faulty sectors), as AllocatedSectors or a deadline's sectors look, and a second,
 * sparser field (faults) to union with it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class BitFieldBenchmark {
  private byte[] sectorsBytes;
  private BitField sectors;
  private BitField faults;

  @Setup
  public void setUp() {
    sectors = field(new SplittableRandom(42), 100_000, 60, 4);
    faults = field(new SplittableRandom(7), 100_000, 8, 400);
    sectorsBytes = sectors.encode();
  }

  /** Runs of set bits with mean length {@code meanRun}, gaps with mean {@code meanGap}. */
  private static BitField field(SplittableRandom rnd, long limit, int meanRun, int meanGap) {
    long[] bits = new long[(int) limit];
    int n = 0;
    long at = rnd.nextInt(2 * meanGap);
    while (at < limit) {
      for (long end = Math.min(limit, at + 1 + rnd.nextInt(2 * meanRun)); at < end; at++) {
        bits[n++] = at;
      }
      at += 1 + rnd.nextInt(2 * meanGap);
    }
    return BitField.of(Arrays.copyOf(bits, n));
  }

  /** Decode the encoded sectors field and encode it again (a state read and write). */
  @Benchmark
  public byte[] decodeEncode() throws BitFieldException {
    return BitField.decode(sectorsBytes).encode();
  }

  /** Decode only. */
  @Benchmark
  public BitField decode() throws BitFieldException {
    return BitField.decode(sectorsBytes);
  }

  /** Union of the sectors field with the faults field. */
  @Benchmark
  public BitField union() {
    return sectors.union(faults);
  }
}
