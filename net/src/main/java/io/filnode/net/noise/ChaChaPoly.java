package io.filnode.net.noise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;

/**
 * ChaCha20-Poly1305 (RFC 8439) on byte arrays, for the Noise transport. JDK 17's provider spends
 * most of a frame in a keystream loop whose little-endian stores are not inlined and in a generic
 * field-arithmetic Poly1305; this one keeps the ChaCha state in locals, XORs whole words, and runs
 * Poly1305 on five 26-bit limbs. {@code ChaChaPolyTest} checks it against the RFC vector and
 * against the JDK's Cipher on random keys, nonces, associated data and lengths.
 *
 * <p>The 12-byte nonce is Noise's: four zero bytes, then the 64-bit counter little-endian. Not
 * thread-safe.
 */
final class ChaChaPoly {
  static final int TAG = 16;
  private static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int MASK26 = 0x3ffffff;

  private final int[] key = new int[8];
  private final int[] stream = new int[16]; // one keystream block
  private final byte[] polyKey = new byte[64];
  private final byte[] pad = new byte[16];

  // Poly1305 state
  private long r0, r1, r2, r3, r4, s1, s2, s3, s4;
  private long h0, h1, h2, h3, h4;

  ChaChaPoly(byte[] key32) {
    if (key32.length != 32) {
      throw new IllegalArgumentException("ChaCha20 keys are 32 bytes");
    }
    for (int i = 0; i < 8; i++) {
      key[i] = (int) LE_INT.get(key32, 4 * i);
    }
  }

  /** Encrypts {@code len} bytes and appends the tag; returns {@code len + 16}. */
  int seal(long nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    startMac(nonce, ad);
    xor(nonce, in, inOff, len, out, outOff);
    macPadded(out, outOff, len);
    finishMac(ad == null ? 0 : ad.length, len, out, outOff + len);
    return len + TAG;
  }

  /**
   * Checks the tag of {@code len} bytes of ciphertext (tag included) and decrypts them; returns
   * false, leaving {@code out} unspecified, when authentication fails.
   */
  boolean open(long nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    int n = len - TAG;
    if (n < 0) {
      return false;
    }
    startMac(nonce, ad);
    macPadded(in, inOff, n);
    byte[] tag = new byte[TAG];
    finishMac(ad == null ? 0 : ad.length, n, tag, 0);
    if (!MessageDigest.isEqual(tag, java.util.Arrays.copyOfRange(in, inOff + n, inOff + len))) {
      return false;
    }
    xor(nonce, in, inOff, n, out, outOff);
    return true;
  }

  // ---- ChaCha20 ----

  private void block(long nonce, int counter) {
    int x0 = 0x61707865;
    int x1 = 0x3320646e;
    int x2 = 0x79622d32;
    int x3 = 0x6b206574;
    int x4 = key[0];
    int x5 = key[1];
    int x6 = key[2];
    int x7 = key[3];
    int x8 = key[4];
    int x9 = key[5];
    int x10 = key[6];
    int x11 = key[7];
    int x12 = counter;
    int x13 = 0;
    int x14 = (int) nonce;
    int x15 = (int) (nonce >>> 32);
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
    int[] s = stream;
    s[0] = x0 + 0x61707865;
    s[1] = x1 + 0x3320646e;
    s[2] = x2 + 0x79622d32;
    s[3] = x3 + 0x6b206574;
    s[4] = x4 + key[0];
    s[5] = x5 + key[1];
    s[6] = x6 + key[2];
    s[7] = x7 + key[3];
    s[8] = x8 + key[4];
    s[9] = x9 + key[5];
    s[10] = x10 + key[6];
    s[11] = x11 + key[7];
    s[12] = x12 + counter;
    s[13] = x13;
    s[14] = x14 + (int) nonce;
    s[15] = x15 + (int) (nonce >>> 32);
  }

  /** XORs the keystream from block 1 on (block 0 keys Poly1305). */
  private void xor(long nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
    int counter = 1;
    int done = 0;
    while (len - done >= 64) {
      block(nonce, counter++);
      int[] s = stream;
      for (int i = 0; i < 16; i++) {
        int v = (int) LE_INT.get(in, inOff + done + 4 * i);
        LE_INT.set(out, outOff + done + 4 * i, v ^ s[i]);
      }
      done += 64;
    }
    if (done < len) {
      block(nonce, counter);
      for (int i = 0; done + i < len; i++) {
        int k = stream[i >>> 2] >>> (8 * (i & 3));
        out[outOff + done + i] = (byte) (in[inOff + done + i] ^ k);
      }
    }
  }

  // ---- Poly1305 ----

  private void startMac(long nonce, byte[] ad) {
    block(nonce, 0);
    for (int i = 0; i < 8; i++) {
      LE_INT.set(polyKey, 4 * i, stream[i]);
    }
    long t0 = le32(polyKey, 0);
    long t1 = le32(polyKey, 4);
    long t2 = le32(polyKey, 8);
    long t3 = le32(polyKey, 12);
    // r is clamped as the RFC says, then cut into 26-bit limbs
    r0 = t0 & 0x3ffffff;
    r1 = ((t0 >>> 26) | (t1 << 6)) & 0x3ffff03;
    r2 = ((t1 >>> 20) | (t2 << 12)) & 0x3ffc0ff;
    r3 = ((t2 >>> 14) | (t3 << 18)) & 0x3f03fff;
    r4 = (t3 >>> 8) & 0x00fffff;
    s1 = r1 * 5;
    s2 = r2 * 5;
    s3 = r3 * 5;
    s4 = r4 * 5;
    h0 = 0;
    h1 = 0;
    h2 = 0;
    h3 = 0;
    h4 = 0;
    if (ad != null) {
      macPadded(ad, 0, ad.length);
    }
  }

  /** MACs {@code len} bytes, then zeros up to a multiple of 16 (the AEAD's padding). */
  private void macPadded(byte[] m, int off, int len) {
    int full = len & ~15;
    for (int i = 0; i < full; i += 16) {
      macBlock(m, off + i);
    }
    if (full < len) {
      java.util.Arrays.fill(pad, (byte) 0);
      System.arraycopy(m, off + full, pad, 0, len - full);
      macBlock(pad, 0);
    }
  }

  private void macBlock(byte[] m, int off) {
    long a0 = h0 + (le32(m, off) & MASK26);
    long a1 = h1 + ((le32(m, off + 3) >>> 2) & MASK26);
    long a2 = h2 + ((le32(m, off + 6) >>> 4) & MASK26);
    long a3 = h3 + ((le32(m, off + 9) >>> 6) & MASK26);
    long a4 = h4 + ((le32(m, off + 12) >>> 8) | (1L << 24));
    long d0 = a0 * r0 + a1 * s4 + a2 * s3 + a3 * s2 + a4 * s1;
    long d1 = a0 * r1 + a1 * r0 + a2 * s4 + a3 * s3 + a4 * s2;
    long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * s4 + a4 * s3;
    long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * s4;
    long d4 = a0 * r4 + a1 * r3 + a2 * r2 + a3 * r1 + a4 * r0;
    long c = d0 >>> 26;
    a0 = d0 & MASK26;
    d1 += c;
    c = d1 >>> 26;
    a1 = d1 & MASK26;
    d2 += c;
    c = d2 >>> 26;
    a2 = d2 & MASK26;
    d3 += c;
    c = d3 >>> 26;
    a3 = d3 & MASK26;
    d4 += c;
    c = d4 >>> 26;
    a4 = d4 & MASK26;
    a0 += c * 5;
    c = a0 >>> 26;
    a0 &= MASK26;
    a1 += c;
    h0 = a0;
    h1 = a1;
    h2 = a2;
    h3 = a3;
    h4 = a4;
  }

  /** MACs the two lengths, reduces, adds the pad and writes the tag. */
  private void finishMac(int adLen, int textLen, byte[] out, int off) {
    java.util.Arrays.fill(pad, (byte) 0);
    LE_INT.set(pad, 0, adLen);
    LE_INT.set(pad, 8, textLen);
    macBlock(pad, 0);
    long a0 = h0;
    long a1 = h1;
    long a2 = h2;
    long a3 = h3;
    long a4 = h4;
    long c = a1 >>> 26;
    a1 &= MASK26;
    a2 += c;
    c = a2 >>> 26;
    a2 &= MASK26;
    a3 += c;
    c = a3 >>> 26;
    a3 &= MASK26;
    a4 += c;
    c = a4 >>> 26;
    a4 &= MASK26;
    a0 += c * 5;
    c = a0 >>> 26;
    a0 &= MASK26;
    a1 += c;
    // h - p, kept only when h >= p = 2^130 - 5
    long g0 = a0 + 5;
    c = g0 >>> 26;
    g0 &= MASK26;
    long g1 = a1 + c;
    c = g1 >>> 26;
    g1 &= MASK26;
    long g2 = a2 + c;
    c = g2 >>> 26;
    g2 &= MASK26;
    long g3 = a3 + c;
    c = g3 >>> 26;
    g3 &= MASK26;
    long g4 = a4 + c - (1L << 26);
    long keepH = g4 >> 63; // all ones when h < p; chosen without a branch
    a0 = (a0 & keepH) | (g0 & ~keepH);
    a1 = (a1 & keepH) | (g1 & ~keepH);
    a2 = (a2 & keepH) | (g2 & ~keepH);
    a3 = (a3 & keepH) | (g3 & ~keepH);
    a4 = (a4 & keepH) | (g4 & ~keepH);
    long w0 = (a0 | (a1 << 26)) & 0xffffffffL;
    long w1 = ((a1 >>> 6) | (a2 << 20)) & 0xffffffffL;
    long w2 = ((a2 >>> 12) | (a3 << 14)) & 0xffffffffL;
    long w3 = ((a3 >>> 18) | (a4 << 8)) & 0xffffffffL;
    long f = w0 + le32(polyKey, 16);
    LE_INT.set(out, off, (int) f);
    f = w1 + le32(polyKey, 20) + (f >>> 32);
    LE_INT.set(out, off + 4, (int) f);
    f = w2 + le32(polyKey, 24) + (f >>> 32);
    LE_INT.set(out, off + 8, (int) f);
    f = w3 + le32(polyKey, 28) + (f >>> 32);
    LE_INT.set(out, off + 12, (int) f);
  }

  private static long le32(byte[] b, int off) {
    return ((int) LE_INT.get(b, off)) & 0xffffffffL;
  }
}
