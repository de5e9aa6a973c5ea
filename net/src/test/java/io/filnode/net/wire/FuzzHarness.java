package io.filnode.net.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutation fuzzing of a decoder of untrusted bytes: truncation, extension, random noise and bit
 * flips of seed inputs. Only {@link DecodeException} may escape, and no call may allocate much more
 * than its input (a decoder that trusted a length or count would allocate far more).
 */
public final class FuzzHarness {
  private static final int WARM_UP = 5_000;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private FuzzHarness() {}

  /** A decoder under test. */
  @FunctionalInterface
  public interface Decoder {
    void decode(byte[] input) throws DecodeException;
  }

  /** The result of a run. */
  public record Result(int rounds, int rejected) {}

  static byte[] mutate(Random r, byte[] seed) {
    byte[] b;
    switch (r.nextInt(5)) {
      case 0 -> b = Arrays.copyOf(seed, r.nextInt(seed.length + 1));
      case 1 -> {
        b = Arrays.copyOf(seed, seed.length + r.nextInt(16));
        for (int i = seed.length; i < b.length; i++) {
          b[i] = (byte) r.nextInt();
        }
      }
      case 2 -> {
        b = new byte[r.nextInt(64)];
        r.nextBytes(b);
      }
      case 3 -> {
        // splice: a slice of the seed repeated, which multiplies fields and counts
        int from = r.nextInt(seed.length);
        int to = from + r.nextInt(seed.length - from) + 1;
        byte[] slice = Arrays.copyOfRange(seed, from, to);
        int times = 1 + r.nextInt(8);
        b = Arrays.copyOf(seed, seed.length + slice.length * times);
        for (int i = 0; i < times; i++) {
          System.arraycopy(slice, 0, b, seed.length + i * slice.length, slice.length);
        }
      }
      default -> b = seed.clone();
    }
    int flips = r.nextInt(5);
    for (int i = 0; i < flips && b.length > 0; i++) {
      int pos = r.nextInt(b.length);
      b[pos] = r.nextBoolean() ? (byte) r.nextInt() : (byte) (b[pos] ^ (1 << r.nextInt(8)));
    }
    return b;
  }

  /** Runs {@code rounds} mutated seeds through {@code d}; returns how many were rejected. */
  public static Result run(List<byte[]> seeds, int rounds, long seed, Decoder d) {
    Random r = new Random(seed);
    long tid = Thread.currentThread().getId();
    int rejected = 0;
    for (int i = 0; i < rounds + WARM_UP; i++) {
      byte[] in = mutate(r, seeds.get(r.nextInt(seeds.size())));
      long before = THREADS.getThreadAllocatedBytes(tid);
      try {
        d.decode(in);
      } catch (DecodeException e) {
        if (i >= WARM_UP) {
          rejected++;
        }
      }
      long allocated = THREADS.getThreadAllocatedBytes(tid) - before;
      if (i >= WARM_UP) {
        assertThat(allocated)
            .as("bytes allocated decoding %d input bytes", in.length)
            .isLessThan(64 * 1024 + 32L * in.length);
      }
    }
    return new Result(rounds, rejected);
  }
}
