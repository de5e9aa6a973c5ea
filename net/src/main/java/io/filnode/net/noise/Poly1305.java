package io.filnode.net.noise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator of RFC 8439 (section 2.5), with the accumulator in five
 * 26-bit limbs so that every product fits a long: no BigInteger, no allocation. {@link #init} takes
 * the 32-byte one-time key; then {@link #blocks}, {@link #padded} or {@link #tail} feed it and
 * {@link #finish} writes the tag. Not thread-safe.
 */
final class Poly1305 {
  static final int TAG = 16;
  private static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long M26 = 0x3ffffff;
  static final long HIBIT = 1L << 24; // 2^128 in the top limb

  private final byte[] last = new byte[16];
  private long r0;
  private long r1;
  private long r2;
  private long r3;
  private long r4;
  private long pad0; // s, the key's second half, as 32-bit words
  private long pad1;
  private long pad2;
  private long pad3;
  private long h0;
  private long h1;
  private long h2;
  private long h3;
  private long h4;

  /** Starts a MAC under the one-time key {@code key[off..off+32)}. */
  void init(byte[] key, int off) {
    long t0 = le32(key, off);
    long t1 = le32(key, off + 4);
    long t2 = le32(key, off + 8);
    long t3 = le32(key, off + 12);
    // r is clamped as the RFC says, then cut into 26-bit limbs
    r0 = t0 & 0x3ffffff;
    r1 = ((t0 >>> 26) | (t1 << 6)) & 0x3ffff03;
    r2 = ((t1 >>> 20) | (t2 << 12)) & 0x3ffc0ff;
    r3 = ((t2 >>> 14) | (t3 << 18)) & 0x3f03fff;
    r4 = (t3 >>> 8) & 0x00fffff;
    pad0 = le32(key, off + 16);
    pad1 = le32(key, off + 20);
    pad2 = le32(key, off + 24);
    pad3 = le32(key, off + 28);
    h0 = 0;
    h1 = 0;
    h2 = 0;
    h3 = 0;
    h4 = 0;
  }

  /** MACs {@code len} bytes, then zeros up to a multiple of 16 (the AEAD's padding). */
  void padded(byte[] m, int off, int len) {
    int full = len & ~15;
    blocks(m, off, full, HIBIT);
    if (full < len) {
      Arrays.fill(last, (byte) 0);
      System.arraycopy(m, off + full, last, 0, len - full);
      blocks(last, 0, 16, HIBIT);
    }
  }

  /** MACs a message's last {@code len} bytes as the RFC does: a short block ends in a 1 byte. */
  void tail(byte[] m, int off, int len) {
    int full = len & ~15;
    blocks(m, off, full, HIBIT);
    if (full < len) {
      Arrays.fill(last, (byte) 0);
      System.arraycopy(m, off + full, last, 0, len - full);
      last[len - full] = 1;
      blocks(last, 0, 16, 0);
    }
  }

  /** MACs whole 16-byte blocks; {@code len} is a multiple of 16. */
  void blocks(byte[] m, int off, int len, long hibit) {
    long a0 = h0;
    long a1 = h1;
    long a2 = h2;
    long a3 = h3;
    long a4 = h4;
    final long r0 = this.r0;
    final long r1 = this.r1;
    final long r2 = this.r2;
    final long r3 = this.r3;
    final long r4 = this.r4;
    final long s1 = r1 * 5;
    final long s2 = r2 * 5;
    final long s3 = r3 * 5;
    final long s4 = r4 * 5;
    for (int end = off + len; off < end; off += 16) {
      long lo = (long) LE_LONG.get(m, off);
      long hi = (long) LE_LONG.get(m, off + 8);
      a0 += lo & M26;
      a1 += (lo >>> 26) & M26;
      a2 += ((lo >>> 52) | (hi << 12)) & M26;
      a3 += (hi >>> 14) & M26;
      a4 += (hi >>> 40) | hibit;
      long d0 = a0 * r0 + a1 * s4 + a2 * s3 + a3 * s2 + a4 * s1;
      long d1 = a0 * r1 + a1 * r0 + a2 * s4 + a3 * s3 + a4 * s2;
      long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * s4 + a4 * s3;
      long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * s4;
      long d4 = a0 * r4 + a1 * r3 + a2 * r2 + a3 * r1 + a4 * r0;
      // partial reduction: limbs end below 2^26 except a1, which may carry one bit more
      d1 += d0 >>> 26;
      d2 += d1 >>> 26;
      d3 += d2 >>> 26;
      d4 += d3 >>> 26;
      long c = d4 >>> 26;
      a0 = (d0 & M26) + c * 5;
      a1 = (d1 & M26) + (a0 >>> 26);
      a0 &= M26;
      a2 = d2 & M26;
      a3 = d3 & M26;
      a4 = d4 & M26;
    }
    h0 = a0;
    h1 = a1;
    h2 = a2;
    h3 = a3;
    h4 = a4;
  }

  /** Reduces fully, adds s and writes the 16-byte tag. */
  void finish(byte[] out, int off) {
    long a0 = h0;
    long a1 = h1;
    long a2 = h2;
    long a3 = h3;
    long a4 = h4;
    long c = a1 >>> 26;
    a1 &= M26;
    a2 += c;
    c = a2 >>> 26;
    a2 &= M26;
    a3 += c;
    c = a3 >>> 26;
    a3 &= M26;
    a4 += c;
    c = a4 >>> 26;
    a4 &= M26;
    a0 += c * 5;
    c = a0 >>> 26;
    a0 &= M26;
    a1 += c;
    // h - p, kept only when h >= p = 2^130 - 5
    long g0 = a0 + 5;
    c = g0 >>> 26;
    g0 &= M26;
    long g1 = a1 + c;
    c = g1 >>> 26;
    g1 &= M26;
    long g2 = a2 + c;
    c = g2 >>> 26;
    g2 &= M26;
    long g3 = a3 + c;
    c = g3 >>> 26;
    g3 &= M26;
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
    long f = w0 + pad0;
    LE_INT.set(out, off, (int) f);
    f = w1 + pad1 + (f >>> 32);
    LE_INT.set(out, off + 4, (int) f);
    f = w2 + pad2 + (f >>> 32);
    LE_INT.set(out, off + 8, (int) f);
    f = w3 + pad3 + (f >>> 32);
    LE_INT.set(out, off + 12, (int) f);
  }

  private static long le32(byte[] b, int off) {
    return ((int) LE_INT.get(b, off)) & 0xffffffffL;
  }
}
