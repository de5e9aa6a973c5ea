package io.filnode.chain.testing;

import java.util.Arrays;
import java.util.Random;

/** Random corruptions of encoded blocks, for tests that feed decoders malformed input. */
public final class Mutations {
  private Mutations() {}

  /**
   * {@code in} with {@code mutations} random byte changes, bit flips, cuts, inserts or removals.
   */
  public static byte[] mutate(byte[] in, Random random, int mutations) {
    byte[] b = in.clone();
    for (int m = 0; m < mutations; m++) {
      int kind = random.nextInt(5);
      if (b.length == 0) {
        return new byte[] {(byte) random.nextInt(256)};
      }
      int at = random.nextInt(b.length);
      switch (kind) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
        case 2 -> b = Arrays.copyOf(b, at);
        case 3 -> {
          byte[] c = new byte[b.length + 1];
          System.arraycopy(b, 0, c, 0, at);
          c[at] = (byte) random.nextInt(256);
          System.arraycopy(b, at, c, at + 1, b.length - at);
          b = c;
        }
        default -> {
          byte[] c = new byte[b.length - 1];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + 1, c, at, b.length - at - 1);
          b = c;
        }
      }
    }
    return b;
  }
}
