package io.filnode.net.noise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The ChaCha20 stream cipher of RFC 8439 (section 2.4) for one key. Long texts are done {@link
 * #LANES} blocks at a time, side by side: state word {@code w} of every block sits in row {@code
 * w}, and each quarter round is one loop over the blocks, which HotSpot's C2 turns into SIMD (AVX2:
 * eight blocks per instruction). The keystream goes into a reused buffer and is XORed eight bytes
 * at a time. Short texts and the last few blocks take the scalar {@link #block}. Methods are kept
 * small: one over HotSpot's 8,000-bytecode limit would never be compiled. Not thread-safe.
 */
final class ChaCha20 {
  static final int BLOCK = 64;

  /** Blocks computed side by side (4 KiB of keystream). */
  static final int LANES = 64;

  /** Below this many whole blocks the side-by-side loops cost more than they save. */
  static final int MIN_LANES = 8;

  private static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int C0 = 0x61707865;
  private static final int C1 = 0x3320646e;
  private static final int C2 = 0x79622d32;
  private static final int C3 = 0x6b206574;

  private final int k0;
  private final int k1;
  private final int k2;
  private final int k3;
  private final int k4;
  private final int k5;
  private final int k6;
  private final int k7;
  private final byte[] oneBlock = new byte[BLOCK];
  private final int[] start = new int[16]; // the input words of the side-by-side blocks
  private int[][] rows; // [word][block], allocated by the first long text
  private byte[] keystream;

  ChaCha20(byte[] key32) {
    if (key32.length != 32) {
      throw new IllegalArgumentException("ChaCha20 keys are 32 bytes");
    }
    k0 = (int) LE_INT.get(key32, 0);
    k1 = (int) LE_INT.get(key32, 4);
    k2 = (int) LE_INT.get(key32, 8);
    k3 = (int) LE_INT.get(key32, 12);
    k4 = (int) LE_INT.get(key32, 16);
    k5 = (int) LE_INT.get(key32, 20);
    k6 = (int) LE_INT.get(key32, 24);
    k7 = (int) LE_INT.get(key32, 28);
  }

  /**
   * XORs {@code len} bytes with the keystream that starts at block {@code counter} of the nonce
   * whose little-endian words are {@code n0, n1, n2}. {@code in} and {@code out} may be the same
   * range.
   */
  void xor(
      int counter, int n0, int n1, int n2, byte[] in, int inOff, int len, byte[] out, int outOff) {
    int done = 0;
    while ((len - done) / BLOCK >= MIN_LANES) {
      int blocks = Math.min(LANES, (len - done) / BLOCK);
      sideBySide(counter, n0, n1, n2, blocks);
      xorLongs(in, inOff + done, keystream, blocks * BLOCK, out, outOff + done);
      counter += blocks;
      done += blocks * BLOCK;
    }
    for (; done < len; done += BLOCK) {
      block(counter++, n0, n1, n2, oneBlock, 0);
      int n = Math.min(BLOCK, len - done);
      int whole = n & ~7;
      xorLongs(in, inOff + done, oneBlock, whole, out, outOff + done);
      for (int i = whole; i < n; i++) {
        out[outOff + done + i] = (byte) (in[inOff + done + i] ^ oneBlock[i]);
      }
    }
  }

  /** {@code out = in ^ ks} over {@code len} bytes, a multiple of 8. */
  private static void xorLongs(byte[] in, int inOff, byte[] ks, int len, byte[] out, int outOff) {
    for (int i = 0; i < len; i += 8) {
      long x = (long) LE_LONG.get(in, inOff + i);
      LE_LONG.set(out, outOff + i, x ^ (long) LE_LONG.get(ks, i));
    }
  }

  /** Keystream blocks {@code counter .. counter + n - 1} into {@code keystream}, side by side. */
  private void sideBySide(int counter, int n0, int n1, int n2, int n) {
    if (rows == null) {
      rows = new int[16][LANES];
      keystream = new byte[LANES * BLOCK];
    }
    int[] in = start;
    in[0] = C0;
    in[1] = C1;
    in[2] = C2;
    in[3] = C3;
    in[4] = k0;
    in[5] = k1;
    in[6] = k2;
    in[7] = k3;
    in[8] = k4;
    in[9] = k5;
    in[10] = k6;
    in[11] = k7;
    in[12] = counter;
    in[13] = n0;
    in[14] = n1;
    in[15] = n2;
    int[][] x = rows;
    for (int w = 0; w < 16; w++) {
      Arrays.fill(x[w], 0, n, in[w]);
    }
    int[] ctr = x[12];
    for (int j = 0; j < n; j++) {
      ctr[j] += j;
    }
    for (int i = 0; i < 10; i++) {
      quarterRounds(x[0], x[4], x[8], x[12], n);
      quarterRounds(x[1], x[5], x[9], x[13], n);
      quarterRounds(x[2], x[6], x[10], x[14], n);
      quarterRounds(x[3], x[7], x[11], x[15], n);
      quarterRounds(x[0], x[5], x[10], x[15], n);
      quarterRounds(x[1], x[6], x[11], x[12], n);
      quarterRounds(x[2], x[7], x[8], x[13], n);
      quarterRounds(x[3], x[4], x[9], x[14], n);
    }
    byte[] ks = keystream;
    for (int w = 0; w < 16; w++) {
      int[] row = x[w];
      int add = in[w];
      int step = w == 12 ? 1 : 0; // block j's counter is counter + j
      for (int j = 0; j < n; j++) {
        LE_INT.set(ks, j * BLOCK + 4 * w, row[j] + add + step * j);
      }
    }
  }

  /** The quarter round on words (a, b, c, d) of blocks 0 .. n-1: one SIMD-friendly loop. */
  private static void quarterRounds(int[] a, int[] b, int[] c, int[] d, int n) {
    for (int j = 0; j < n; j++) {
      int xa = a[j] + b[j];
      int xd = Integer.rotateLeft(d[j] ^ xa, 16);
      int xc = c[j] + xd;
      int xb = Integer.rotateLeft(b[j] ^ xc, 12);
      xa += xb;
      xd = Integer.rotateLeft(xd ^ xa, 8);
      xc += xd;
      xb = Integer.rotateLeft(xb ^ xc, 7);
      a[j] = xa;
      b[j] = xb;
      c[j] = xc;
      d[j] = xd;
    }
  }

  /** Writes keystream block {@code counter} (64 bytes) to {@code dst} at {@code off}. */
  void block(int counter, int n0, int n1, int n2, byte[] dst, int off) {
    int x0 = C0;
    int x1 = C1;
    int x2 = C2;
    int x3 = C3;
    int x4 = k0;
    int x5 = k1;
    int x6 = k2;
    int x7 = k3;
    int x8 = k4;
    int x9 = k5;
    int x10 = k6;
    int x11 = k7;
    int x12 = counter;
    int x13 = n0;
    int x14 = n1;
    int x15 = n2;
    for (int i = 0; i < 10; i++) {
      // columns
      x0 += x4;
      x12 = Integer.rotateLeft(x12 ^ x0, 16);
      x8 += x12;
      x4 = Integer.rotateLeft(x4 ^ x8, 12);
      x0 += x4;
      x12 = Integer.rotateLeft(x12 ^ x0, 8);
      x8 += x12;
      x4 = Integer.rotateLeft(x4 ^ x8, 7);
      x1 += x5;
      x13 = Integer.rotateLeft(x13 ^ x1, 16);
      x9 += x13;
      x5 = Integer.rotateLeft(x5 ^ x9, 12);
      x1 += x5;
      x13 = Integer.rotateLeft(x13 ^ x1, 8);
      x9 += x13;
      x5 = Integer.rotateLeft(x5 ^ x9, 7);
      x2 += x6;
      x14 = Integer.rotateLeft(x14 ^ x2, 16);
      x10 += x14;
      x6 = Integer.rotateLeft(x6 ^ x10, 12);
      x2 += x6;
      x14 = Integer.rotateLeft(x14 ^ x2, 8);
      x10 += x14;
      x6 = Integer.rotateLeft(x6 ^ x10, 7);
      x3 += x7;
      x15 = Integer.rotateLeft(x15 ^ x3, 16);
      x11 += x15;
      x7 = Integer.rotateLeft(x7 ^ x11, 12);
      x3 += x7;
      x15 = Integer.rotateLeft(x15 ^ x3, 8);
      x11 += x15;
      x7 = Integer.rotateLeft(x7 ^ x11, 7);
      // diagonals
      x0 += x5;
      x15 = Integer.rotateLeft(x15 ^ x0, 16);
      x10 += x15;
      x5 = Integer.rotateLeft(x5 ^ x10, 12);
      x0 += x5;
      x15 = Integer.rotateLeft(x15 ^ x0, 8);
      x10 += x15;
      x5 = Integer.rotateLeft(x5 ^ x10, 7);
      x1 += x6;
      x12 = Integer.rotateLeft(x12 ^ x1, 16);
      x11 += x12;
      x6 = Integer.rotateLeft(x6 ^ x11, 12);
      x1 += x6;
      x12 = Integer.rotateLeft(x12 ^ x1, 8);
      x11 += x12;
      x6 = Integer.rotateLeft(x6 ^ x11, 7);
      x2 += x7;
      x13 = Integer.rotateLeft(x13 ^ x2, 16);
      x8 += x13;
      x7 = Integer.rotateLeft(x7 ^ x8, 12);
      x2 += x7;
      x13 = Integer.rotateLeft(x13 ^ x2, 8);
      x8 += x13;
      x7 = Integer.rotateLeft(x7 ^ x8, 7);
      x3 += x4;
      x14 = Integer.rotateLeft(x14 ^ x3, 16);
      x9 += x14;
      x4 = Integer.rotateLeft(x4 ^ x9, 12);
      x3 += x4;
      x14 = Integer.rotateLeft(x14 ^ x3, 8);
      x9 += x14;
      x4 = Integer.rotateLeft(x4 ^ x9, 7);
    }
    LE_INT.set(dst, off, x0 + C0);
    LE_INT.set(dst, off + 4, x1 + C1);
    LE_INT.set(dst, off + 8, x2 + C2);
    LE_INT.set(dst, off + 12, x3 + C3);
    LE_INT.set(dst, off + 16, x4 + k0);
    LE_INT.set(dst, off + 20, x5 + k1);
    LE_INT.set(dst, off + 24, x6 + k2);
    LE_INT.set(dst, off + 28, x7 + k3);
    LE_INT.set(dst, off + 32, x8 + k4);
    LE_INT.set(dst, off + 36, x9 + k5);
    LE_INT.set(dst, off + 40, x10 + k6);
    LE_INT.set(dst, off + 44, x11 + k7);
    LE_INT.set(dst, off + 48, x12 + counter);
    LE_INT.set(dst, off + 52, x13 + n0);
    LE_INT.set(dst, off + 56, x14 + n1);
    LE_INT.set(dst, off + 60, x15 + n2);
  }
}
