package io.filnode.chain.cid;

/**
 * Unsigned LEB128 varints as multiformats (go-varint) use them: at most 9 bytes (63 bits), and
 * minimally encoded. Used by CIDs, multihashes and ID addresses.
 */
public final class Varint {
  /** go-varint's limit: 9 bytes, values below 2^63. */
  public static final int MAX_BYTES = 9;

  private Varint() {}

  public static int size(long value) {
    int n = 1;
    while ((value >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  /** Writes {@code value} (must be ≥ 0) at {@code offset}; returns the new offset. */
  public static int write(long value, byte[] out, int offset) {
    while ((value & ~0x7FL) != 0) {
      out[offset++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[offset++] = (byte) value;
    return offset;
  }

  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    write(value, out, 0);
    return out;
  }

  /**
   * Reads a varint at {@code offset} (not beyond {@code end}). Returns the value; the number of
   * bytes read is {@link #size(long)} of it, since only minimal encodings are accepted.
   *
   * @throws IllegalArgumentException when truncated, too long or not minimal
   */
  public static long read(byte[] in, int offset, int end) {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (offset + i >= end) {
        throw new IllegalArgumentException("varint runs past the end of input");
      }
      int b = in[offset + i] & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new IllegalArgumentException("varint is not minimally encoded");
        }
        if (value < 0) {
          throw new IllegalArgumentException("varint exceeds 63 bits");
        }
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than " + MAX_BYTES + " bytes");
  }
}
