package io.filnode.chain.car;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.cid.Cid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Mutations of a small CAR: every truncation, and thousands of seeded random byte flips, inserted
 * varints and splices. Reading must end normally (a mutation may leave the CAR valid, e.g. in a
 * length it reads as the same section) or with a {@link CarException}; nothing else may escape, and
 * no accepted block may differ from its CID.
 */
class CarReaderFuzzTest {
  private static final List<Block> BLOCKS = SmallCars.blocks(6, 40);
  private static final byte[] CAR = SmallCars.car(BLOCKS);

  /** Reads {@code bytes} to the end; returns whether it was accepted. */
  private static boolean read(byte[] bytes) {
    try (CarReader r = CarReader.open(new ByteArrayInputStream(bytes))) {
      for (Block b = r.next(); b != null; b = r.next()) {
        Cid c = b.cid();
        assertThat(c.matches(b.data())).as("accepted block must match " + c).isTrue();
      }
      return true;
    } catch (CarException e) {
      assertThat(e.getMessage()).isNotBlank();
      return false;
    }
  }

  @Test
  void everyTruncationIsAClearError() {
    assertThat(read(CAR)).isTrue();
    int accepted = 0;
    for (int n = 0; n < CAR.length; n++) {
      if (read(Arrays.copyOf(CAR, n))) {
        accepted++;
      }
    }
    // only cutting exactly at a section boundary gives a shorter but valid CAR
    assertThat(accepted).isEqualTo(BLOCKS.size());
  }

  @Test
  void truncatedCompressedStreamsAreClearErrors() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write(CAR);
    }
    byte[] zipped = gz.toByteArray();
    for (int n = 0; n < zipped.length; n++) {
      read(Arrays.copyOf(zipped, n));
    }
    byte[] zst = com.github.luben.zstd.Zstd.compress(CAR);
    for (int n = 0; n < zst.length; n++) {
      read(Arrays.copyOf(zst, n));
    }
  }

  @Test
  void randomMutationsNeverEscapeAsOtherExceptions() {
    SplittableRandom rnd = new SplittableRandom(42);
    int rejected = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] m = CAR.clone();
      switch (rnd.nextInt(4)) {
        case 0 -> m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
        case 2 -> {
          // a forged varint (possibly huge) spliced in at a random point
          int at = rnd.nextInt(m.length);
          byte[] v = new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F};
          byte[] out = new byte[m.length + v.length];
          System.arraycopy(m, 0, out, 0, at);
          System.arraycopy(v, 0, out, at, v.length);
          System.arraycopy(m, at, out, at + v.length, m.length - at);
          m = out;
        }
        default -> {
          int from = rnd.nextInt(m.length);
          int len = 1 + rnd.nextInt(Math.min(16, m.length - from));
          byte[] out = new byte[m.length - len];
          System.arraycopy(m, 0, out, 0, from);
          System.arraycopy(m, from + len, out, from, m.length - from - len);
          m = out;
        }
      }
      if (!read(m)) {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(4000);
  }
}
