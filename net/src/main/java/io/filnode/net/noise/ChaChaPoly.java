package io.filnode.net.noise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The AEAD_CHACHA20_POLY1305 construction of RFC 8439 (section 2.8) on byte arrays, for Noise. JDK
 * 17's provider has no intrinsics for either half and buffers the whole text; this one encrypts (or
 * decrypts) and MACs chunk by chunk while the chunk is in the L1 cache, and allocates nothing per
 * message. {@code ChaChaPolyTest} checks it against the RFC's vectors and against the JDK's Cipher.
 *
 * <p>Noise's nonce is the 64-bit counter little-endian after four zero bytes: {@link #seal(long,
 * byte[], byte[], int, int, byte[], int)}. Not thread-safe.
 */
final class ChaChaPoly {
  static final int TAG = Poly1305.TAG;
  private static final VarHandle LE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Bytes encrypted, then MACed, in one go: a multiple of the ChaCha20 block. */
  private static final int CHUNK = ChaCha20.LANES * ChaCha20.BLOCK;

  private final ChaCha20 chacha;
  private final Poly1305 poly = new Poly1305();
  private final byte[] polyKey = new byte[ChaCha20.BLOCK];
  private final byte[] lengths = new byte[16];
  private final byte[] tag = new byte[TAG];

  ChaChaPoly(byte[] key32) {
    chacha = new ChaCha20(key32);
  }

  /** Encrypts {@code len} bytes and appends the tag; returns {@code len + 16}. */
  int seal(long nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    return seal(0, (int) nonce, (int) (nonce >>> 32), ad, in, inOff, len, out, outOff);
  }

  /**
   * Decrypts {@code len} bytes of ciphertext (tag included) and checks the tag; returns false when
   * authentication fails, and then {@code out} holds unauthenticated bytes that must be dropped.
   */
  boolean open(long nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    return open(0, (int) nonce, (int) (nonce >>> 32), ad, in, inOff, len, out, outOff);
  }

  /** {@link #seal(long, byte[], byte[], int, int, byte[], int)} with any 96-bit nonce (words). */
  int seal(
      int n0, int n1, int n2, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    startMac(n0, n1, n2, ad);
    for (int done = 0; done < len; done += CHUNK) {
      int n = Math.min(CHUNK, len - done);
      chacha.xor(1 + done / ChaCha20.BLOCK, n0, n1, n2, in, inOff + done, n, out, outOff + done);
      poly.padded(out, outOff + done, n); // pads only the last chunk: the others are whole blocks
    }
    finishMac(ad, len, out, outOff + len);
    return len + TAG;
  }

  /** {@link #open(long, byte[], byte[], int, int, byte[], int)} with any 96-bit nonce (words). */
  boolean open(
      int n0, int n1, int n2, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    int n = len - TAG;
    if (n < 0) {
      return false;
    }
    startMac(n0, n1, n2, ad);
    for (int done = 0; done < n; done += CHUNK) {
      int c = Math.min(CHUNK, n - done);
      poly.padded(in, inOff + done, c);
      chacha.xor(1 + done / ChaCha20.BLOCK, n0, n1, n2, in, inOff + done, c, out, outOff + done);
    }
    finishMac(ad, n, tag, 0);
    // compared in constant time, so a forger learns nothing from how long the check took
    long diff =
        ((long) LE_LONG.get(tag, 0) ^ (long) LE_LONG.get(in, inOff + n))
            | ((long) LE_LONG.get(tag, 8) ^ (long) LE_LONG.get(in, inOff + n + 8));
    return diff == 0;
  }

  /** Block 0 of the keystream keys Poly1305; then the associated data, padded. */
  private void startMac(int n0, int n1, int n2, byte[] ad) {
    chacha.block(0, n0, n1, n2, polyKey, 0);
    poly.init(polyKey, 0);
    if (ad != null) {
      poly.padded(ad, 0, ad.length);
    }
  }

  private void finishMac(byte[] ad, int textLen, byte[] out, int off) {
    LE_LONG.set(lengths, 0, ad == null ? 0L : ad.length);
    LE_LONG.set(lengths, 8, (long) textLen);
    poly.blocks(lengths, 0, 16, Poly1305.HIBIT);
    poly.finish(out, off);
  }
}
