package io.filnode.chain.bitfield;

import java.util.Arrays;

/** Small deterministic byte-level mutations of encodings for the property and fuzz tests. */
final class Mutations {
  private Mutations() {}

  /**
   * Mutation {@code how} (0 flip a bit, 1 truncate, 2 insert a byte, 3 drop a byte) at {@code at}.
   */
  static byte[] mutate(byte[] in, int at, int how) {
    if (in.length == 0) {
      return new byte[] {(byte) (at << 2)};
    }
    int i = at % in.length;
    switch (how) {
      case 0 -> {
        byte[] out = in.clone();
        out[i] ^= (byte) (1 << (at % 8));
        return out;
      }
      case 1 -> {
        return Arrays.copyOf(in, i);
      }
      case 2 -> {
        byte[] out = new byte[in.length + 1];
        System.arraycopy(in, 0, out, 0, i);
        out[i] = (byte) (at * 37);
        System.arraycopy(in, i, out, i + 1, in.length - i);
        return out;
      }
      default -> {
        byte[] out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, i);
        System.arraycopy(in, i + 1, out, i, in.length - i - 1);
        return out;
      }
    }
  }
}
