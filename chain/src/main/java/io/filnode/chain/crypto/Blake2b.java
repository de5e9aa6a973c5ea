package io.filnode.chain.crypto;

/**
 * BLAKE2b (RFC 7693), unkeyed, of the sizes Filecoin uses: 256 bits (CIDs), 160 bits (addresses),
 * 32 bits (address checksums). Written for speed: every block CID and every imported block is
 * hashed, so the compression keeps its state in locals rather than arrays.
 */
public final class Blake2b {
  private static final long IV0 = 0x6a09e667f3bcc908L;
  private static final long IV1 = 0xbb67ae8584caa73bL;
  private static final long IV2 = 0x3c6ef372fe94f82bL;
  private static final long IV3 = 0xa54ff53a5f1d36f1L;
  private static final long IV4 = 0x510e527fade682d1L;
  private static final long IV5 = 0x9b05688c2b3e6c1fL;
  private static final long IV6 = 0x1f83d9abfb41bd6bL;
  private static final long IV7 = 0x5be0cd19137e2179L;

  private static final byte[][] SIGMA = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3}
  };

  private Blake2b() {}

  public static byte[] sum256(byte[] data) {
    return sum(data, 32);
  }

  public static byte[] sum160(byte[] data) {
    return sum(data, 20);
  }

  /** The 4-byte checksum of addresses. */
  public static byte[] sum32(byte[] data) {
    return sum(data, 4);
  }

  /** BLAKE2b with an output of {@code size} bytes (1–64), unkeyed. */
  public static byte[] sum(byte[] data, int size) {
    return sum(data, 0, data.length, size);
  }

  /** BLAKE2b of {@code data[offset, offset+length)} with an output of {@code size} bytes. */
  public static byte[] sum(byte[] data, int offset, int length, int size) {
    if (size < 1 || size > 64) {
      throw new IllegalArgumentException("BLAKE2b output size must be 1 to 64 bytes, got " + size);
    }
    long[] h = {IV0 ^ 0x01010000L ^ size, IV1, IV2, IV3, IV4, IV5, IV6, IV7};
    long[] m = new long[16];
    int end = offset + length;
    long counter = 0;
    int p = offset;
    // every full block but the last is compressed as non-final
    while (end - p > 128) {
      for (int i = 0; i < 16; i++) {
        m[i] = readLong(data, p + 8 * i);
      }
      counter += 128;
      compress(h, m, counter, false);
      p += 128;
    }
    int rest = end - p;
    byte[] last = new byte[128];
    System.arraycopy(data, p, last, 0, rest);
    for (int i = 0; i < 16; i++) {
      m[i] = readLong(last, 8 * i);
    }
    counter += rest;
    compress(h, m, counter, true);
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = (byte) (h[i >>> 3] >>> (8 * (i & 7)));
    }
    return out;
  }

  private static long readLong(byte[] b, int p) {
    return (b[p] & 0xFFL)
        | (b[p + 1] & 0xFFL) << 8
        | (b[p + 2] & 0xFFL) << 16
        | (b[p + 3] & 0xFFL) << 24
        | (b[p + 4] & 0xFFL) << 32
        | (b[p + 5] & 0xFFL) << 40
        | (b[p + 6] & 0xFFL) << 48
        | (b[p + 7] & 0xFFL) << 56;
  }

  /** The compression function F; {@code counter} is the byte count so far (below 2^63 here). */
  private static void compress(long[] h, long[] m, long counter, boolean last) {
    long v0 = h[0];
    long v1 = h[1];
    long v2 = h[2];
    long v3 = h[3];
    long v4 = h[4];
    long v5 = h[5];
    long v6 = h[6];
    long v7 = h[7];
    long v8 = IV0;
    long v9 = IV1;
    long v10 = IV2;
    long v11 = IV3;
    long v12 = IV4 ^ counter;
    long v13 = IV5;
    long v14 = last ? ~IV6 : IV6;
    long v15 = IV7;
    for (int r = 0; r < 12; r++) {
      byte[] s = SIGMA[r];
      // G(v0, v4, v8, v12)
      v0 += v4 + m[s[0]];
      v12 = Long.rotateRight(v12 ^ v0, 32);
      v8 += v12;
      v4 = Long.rotateRight(v4 ^ v8, 24);
      v0 += v4 + m[s[1]];
      v12 = Long.rotateRight(v12 ^ v0, 16);
      v8 += v12;
      v4 = Long.rotateRight(v4 ^ v8, 63);
      // G(v1, v5, v9, v13)
      v1 += v5 + m[s[2]];
      v13 = Long.rotateRight(v13 ^ v1, 32);
      v9 += v13;
      v5 = Long.rotateRight(v5 ^ v9, 24);
      v1 += v5 + m[s[3]];
      v13 = Long.rotateRight(v13 ^ v1, 16);
      v9 += v13;
      v5 = Long.rotateRight(v5 ^ v9, 63);
      // G(v2, v6, v10, v14)
      v2 += v6 + m[s[4]];
      v14 = Long.rotateRight(v14 ^ v2, 32);
      v10 += v14;
      v6 = Long.rotateRight(v6 ^ v10, 24);
      v2 += v6 + m[s[5]];
      v14 = Long.rotateRight(v14 ^ v2, 16);
      v10 += v14;
      v6 = Long.rotateRight(v6 ^ v10, 63);
      // G(v3, v7, v11, v15)
      v3 += v7 + m[s[6]];
      v15 = Long.rotateRight(v15 ^ v3, 32);
      v11 += v15;
      v7 = Long.rotateRight(v7 ^ v11, 24);
      v3 += v7 + m[s[7]];
      v15 = Long.rotateRight(v15 ^ v3, 16);
      v11 += v15;
      v7 = Long.rotateRight(v7 ^ v11, 63);
      // G(v0, v5, v10, v15)
      v0 += v5 + m[s[8]];
      v15 = Long.rotateRight(v15 ^ v0, 32);
      v10 += v15;
      v5 = Long.rotateRight(v5 ^ v10, 24);
      v0 += v5 + m[s[9]];
      v15 = Long.rotateRight(v15 ^ v0, 16);
      v10 += v15;
      v5 = Long.rotateRight(v5 ^ v10, 63);
      // G(v1, v6, v11, v12)
      v1 += v6 + m[s[10]];
      v12 = Long.rotateRight(v12 ^ v1, 32);
      v11 += v12;
      v6 = Long.rotateRight(v6 ^ v11, 24);
      v1 += v6 + m[s[11]];
      v12 = Long.rotateRight(v12 ^ v1, 16);
      v11 += v12;
      v6 = Long.rotateRight(v6 ^ v11, 63);
      // G(v2, v7, v8, v13)
      v2 += v7 + m[s[12]];
      v13 = Long.rotateRight(v13 ^ v2, 32);
      v8 += v13;
      v7 = Long.rotateRight(v7 ^ v8, 24);
      v2 += v7 + m[s[13]];
      v13 = Long.rotateRight(v13 ^ v2, 16);
      v8 += v13;
      v7 = Long.rotateRight(v7 ^ v8, 63);
      // G(v3, v4, v9, v14)
      v3 += v4 + m[s[14]];
      v14 = Long.rotateRight(v14 ^ v3, 32);
      v9 += v14;
      v4 = Long.rotateRight(v4 ^ v9, 24);
      v3 += v4 + m[s[15]];
      v14 = Long.rotateRight(v14 ^ v3, 16);
      v9 += v14;
      v4 = Long.rotateRight(v4 ^ v9, 63);
    }
    h[0] ^= v0 ^ v8;
    h[1] ^= v1 ^ v9;
    h[2] ^= v2 ^ v10;
    h[3] ^= v3 ^ v11;
    h[4] ^= v4 ^ v12;
    h[5] ^= v5 ^ v13;
    h[6] ^= v6 ^ v14;
    h[7] ^= v7 ^ v15;
  }
}
