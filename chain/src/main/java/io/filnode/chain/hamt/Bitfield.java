package io.filnode.chain.hamt;

import java.util.Arrays;

/**
 * A HAMT node's bitfield: a non-negative integer whose bit {@code i} says slot {@code i} holds a
 * pointer. Serialized as Go's {@code big.Int.Bytes()}: big-endian, no leading zero bytes, empty for
 * zero. Decoding accepts leading zeros as Go's {@code SetBytes} does; encoding is minimal.
 */
final class Bitfield {
  /** go-hamt-ipld refuses bitfields longer than this many bytes. */
  static final int MAX_BYTES = 256;

  private long[] words;

  private Bitfield(long[] words) {
    this.words = words;
  }

  /** An empty bitfield wide enough for {@code bits} slots. */
  static Bitfield empty(int bits) {
    return new Bitfield(new long[Math.max(1, (bits + 63) >>> 6)]);
  }

  /** From big-endian bytes (leading zeros allowed), at least {@code bits} slots wide. */
  static Bitfield fromBytes(byte[] b, int bits) {
    int words = Math.max((bits + 63) >>> 6, (b.length * 8 + 63) >>> 6);
    long[] w = new long[Math.max(1, words)];
    for (int i = 0; i < b.length; i++) {
      int bit = (b.length - 1 - i) * 8;
      w[bit >>> 6] |= (b[i] & 0xFFL) << (bit & 63);
    }
    return new Bitfield(w);
  }

  boolean get(int i) {
    return (words[i >>> 6] & (1L << (i & 63))) != 0;
  }

  void set(int i) {
    words[i >>> 6] |= 1L << (i & 63);
  }

  void clear(int i) {
    words[i >>> 6] &= ~(1L << (i & 63));
  }

  /** How many bits are set below {@code i}: the index of slot {@code i} in the pointer array. */
  int rank(int i) {
    int w = i >>> 6;
    int count = 0;
    for (int k = 0; k < w; k++) {
      count += Long.bitCount(words[k]);
    }
    long mask = (1L << (i & 63)) - 1;
    return count + Long.bitCount(words[w] & mask);
  }

  int cardinality() {
    int count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    return count;
  }

  /** Minimal big-endian bytes, empty for zero. */
  byte[] toBytes() {
    int top = words.length - 1;
    while (top >= 0 && words[top] == 0) {
      top--;
    }
    if (top < 0) {
      return new byte[0];
    }
    int bytes = top * 8 + (64 - Long.numberOfLeadingZeros(words[top]) + 7) / 8;
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      int bit = (bytes - 1 - i) * 8;
      out[i] = (byte) (words[bit >>> 6] >>> (bit & 63));
    }
    return out;
  }

  @Override
  public String toString() {
    return Arrays.toString(toBytes());
  }
}
