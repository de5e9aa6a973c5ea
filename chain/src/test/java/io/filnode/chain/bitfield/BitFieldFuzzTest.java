package io.filnode.chain.bitfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Throws 120,000 random and mutated inputs at the decoder (seeded, so reproducible): nothing but
 * BitFieldException may escape, decoded fields must survive every operation that costs runs and not
 * bits, and decoding may allocate only in proportion to the input, however long the runs it claims.
 */
class BitFieldFuzzTest {
  private static final int INPUTS = 120_000;

  // the decoder's one array holds 16 bytes per set interval, and an interval takes at least 2 bits
  // of input (one set, one unset), so 64 bytes per input byte; the rest is a few small objects
  private static final long BYTES_PER_INPUT_BYTE = 64;
  private static final long FIXED_BYTES = 256;

  @Test
  void onlyBitFieldExceptionEscapesAndAllocationFollowsTheInput() throws IOException {
    ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(
        mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
        "this JVM cannot measure allocation per thread");
    SplittableRandom rnd = new SplittableRandom(0xB17F1E1DL);
    List<byte[]> seeds = seeds(rnd);
    BitField probe = BitField.of(0, 1, 5, 64, 1000, Long.MIN_VALUE);
    warmUp(seeds); // class loading allocates too, once, on first use
    int decoded = 0;
    int rejected = 0;
    long worstRatio = 0;
    long totalBytes = 0;
    for (int n = 0; n < INPUTS; n++) {
      byte[] in = input(rnd, seeds);
      totalBytes += in.length;
      long before = mx.getCurrentThreadAllocatedBytes();
      BitField f;
      try {
        f = BitField.decode(in);
      } catch (BitFieldException e) {
        rejected++;
        continue;
      }
      long allocated = mx.getCurrentThreadAllocatedBytes() - before;
      assertThat(allocated)
          .as("bytes allocated decoding %d input bytes", in.length)
          .isLessThanOrEqualTo(BYTES_PER_INPUT_BYTE * in.length + FIXED_BYTES);
      worstRatio = Math.max(worstRatio, in.length == 0 ? 0 : allocated / in.length);
      decoded++;
      exercise(f, probe, rnd.nextLong());
      if (decoded % 4 == 0 && in.length > 0) {
        seeds.set(rnd.nextInt(seeds.size()), f.encode()); // keep the corpus moving
      }
    }
    assertThat(decoded).as("decoded inputs").isGreaterThan(INPUTS / 10);
    assertThat(rejected).as("rejected inputs").isGreaterThan(INPUTS / 10);
    System.out.printf(
        "fuzz: %d decoded, %d rejected, %d input bytes in all, worst %d bytes allocated per byte%n",
        decoded, rejected, totalBytes, worstRatio);
  }

  private static void warmUp(List<byte[]> seeds) {
    for (byte[] seed : seeds) {
      for (byte[] in :
          List.of(seed, Mutations.mutate(seed, 3, 0), new byte[] {1}, new byte[] {0})) {
        try {
          BitField.decode(in);
        } catch (BitFieldException e) {
          // expected for some
        }
      }
    }
  }

  /** Operations whose cost follows the runs only; a per-bit loop would hang on 2^63-bit runs. */
  private static void exercise(BitField f, BitField probe, long bit) {
    byte[] enc = f.encode();
    try {
      assertThat(BitField.decode(enc)).isEqualTo(f);
    } catch (BitFieldException e) {
      throw new AssertionError("the canonical encoding of a decoded field must decode", e);
    }
    long count = f.count();
    assertThat(f.isEmpty()).isEqualTo(count == 0);
    assertThat(f.first().isPresent()).isEqualTo(!f.isEmpty());
    f.isSet(bit);
    assertThat(f.union(f)).isEqualTo(f);
    assertThat(f.intersect(f)).isEqualTo(f);
    assertThat(f.subtract(f).isEmpty()).isTrue();
    assertThat(f.union(probe).subtract(probe)).isEqualTo(f.subtract(probe));
    assertThat(f.cut(probe).count()).isEqualTo(count - f.intersect(probe).count());
    assertThat(f.runs().size()).isLessThanOrEqualTo(enc.length * 8);
    if (!f.isEmpty()) {
      try {
        assertThat(f.slice(0, 1).first()).isEqualTo(f.first());
      } catch (BitFieldException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static List<byte[]> seeds(SplittableRandom rnd) throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(BitFieldTest.golden());
    seeds.add(new byte[0]);
    seeds.add(new byte[] {124, 71, 34, 2});
    for (int i = 0; i < 30; i++) {
      long[] bits = new long[rnd.nextInt(200)];
      long at = rnd.nextBoolean() ? 0 : rnd.nextLong() >>> 1;
      for (int k = 0; k < bits.length; k++) {
        at += 1 + (rnd.nextInt(4) == 0 ? rnd.nextLong(1L << rnd.nextInt(1, 40)) : 0);
        bits[k] = at;
      }
      seeds.add(BitField.of(bits).encode());
    }
    return seeds;
  }

  private static byte[] input(SplittableRandom rnd, List<byte[]> seeds) {
    switch (rnd.nextInt(4)) {
      case 0 -> {
        byte[] b = new byte[rnd.nextInt(48)];
        rnd.nextBytes(b);
        if (b.length > 0 && rnd.nextInt(5) != 0) {
          b[0] &= (byte) 0xFC;
        }
        return b;
      }
      case 1 -> {
        byte[] b = seeds.get(rnd.nextInt(seeds.size()));
        for (int m = rnd.nextInt(1, 5); m > 0; m--) {
          b = Mutations.mutate(b, rnd.nextInt(1 << 20), rnd.nextInt(4));
        }
        return b;
      }
      case 2 -> {
        return blocks(rnd);
      }
      default -> {
        byte[] a = seeds.get(rnd.nextInt(seeds.size()));
        byte[] b = seeds.get(rnd.nextInt(seeds.size()));
        int cutA = a.length == 0 ? 0 : rnd.nextInt(a.length);
        int cutB = b.length == 0 ? 0 : rnd.nextInt(b.length);
        byte[] out = new byte[cutA + b.length - cutB];
        System.arraycopy(a, 0, out, 0, cutA);
        System.arraycopy(b, cutB, out, cutA, b.length - cutB);
        return out;
      }
    }
  }

  /** A well-formed prefix of random blocks, many of them huge varint runs. */
  private static byte[] blocks(SplittableRandom rnd) {
    StringBuilder s = new StringBuilder("00").append(rnd.nextInt(2));
    for (int k = rnd.nextInt(12); k > 0; k--) {
      switch (rnd.nextInt(3)) {
        case 0 -> s.append('1');
        case 1 -> s.append("01").append(lsbFirst(rnd.nextInt(16), 4));
        default -> {
          s.append("00");
          long len = rnd.nextLong() >>> rnd.nextInt(64);
          do {
            long group = len & 0x7f;
            len >>>= 7;
            s.append(lsbFirst(group | (len != 0 ? 0x80 : 0), 8));
          } while (len != 0);
        }
      }
    }
    return ReferenceRlePlus.bits(s.toString());
  }

  private static String lsbFirst(long value, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((value >>> i) & 1);
    }
    return s.toString();
  }
}
