package io.filnode.net.noise;

import io.netty.buffer.ByteBuf;

/**
 * A Noise CipherState with ChaCha20-Poly1305 ({@link ChaChaPoly}): the key and the 64-bit nonce,
 * which goes little-endian into the last 8 bytes of the 12-byte IETF nonce. Not thread-safe; one
 * per direction.
 */
public final class CipherState {
  public static final int TAG = ChaChaPoly.TAG;
  private final ChaChaPoly aead;
  private byte[] scratch = new byte[0];
  private long n;

  public CipherState(byte[] key) {
    this.aead = new ChaChaPoly(key);
  }

  private long nextNonce() {
    if (n == -1L) {
      // 2^64-1 is reserved; no connection gets near it, so reaching it is a bug
      throw new IllegalStateException("Noise nonce exhausted");
    }
    return n++;
  }

  public byte[] encrypt(byte[] ad, byte[] plaintext) {
    byte[] out = new byte[plaintext.length + TAG];
    aead.seal(nextNonce(), ad, plaintext, 0, plaintext.length, out, 0);
    return out;
  }

  /** Decrypts; returns null when authentication fails. */
  public byte[] decrypt(byte[] ad, byte[] ciphertext) {
    if (ciphertext.length < TAG) {
      return null;
    }
    byte[] out = new byte[ciphertext.length - TAG];
    return aead.open(nextNonce(), ad, ciphertext, 0, ciphertext.length, out, 0) ? out : null;
  }

  /** Encrypts {@code len} bytes of {@code in} (heap, direct or composite) into {@code out}. */
  public void encrypt(ByteBuf in, int len, ByteBuf out) {
    long nonce = nextNonce();
    byte[] src;
    int srcOff;
    if (in.hasArray()) {
      src = in.array();
      srcOff = in.arrayOffset() + in.readerIndex();
    } else {
      src = scratch(len); // a composite (yamux header + payload) is joined here, once
      srcOff = 0;
      in.getBytes(in.readerIndex(), src, 0, len);
    }
    out.ensureWritable(len + TAG);
    if (out.hasArray()) {
      int w = out.writerIndex();
      aead.seal(nonce, null, src, srcOff, len, out.array(), out.arrayOffset() + w);
      out.writerIndex(w + len + TAG);
    } else {
      byte[] tmp = new byte[len + TAG];
      aead.seal(nonce, null, src, srcOff, len, tmp, 0);
      out.writeBytes(tmp);
    }
    in.skipBytes(len);
  }

  /** Decrypts the whole of {@code in} into {@code out}; false when authentication fails. */
  public boolean decrypt(ByteBuf in, ByteBuf out) {
    int len = in.readableBytes();
    if (len < TAG) {
      return false;
    }
    long nonce = nextNonce();
    byte[] src;
    int srcOff;
    if (in.hasArray()) {
      src = in.array();
      srcOff = in.arrayOffset() + in.readerIndex();
    } else {
      src = scratch(len); // frames arrive in direct memory from the socket
      srcOff = 0;
      in.getBytes(in.readerIndex(), src, 0, len);
    }
    out.ensureWritable(len - TAG);
    boolean ok;
    if (out.hasArray()) {
      int w = out.writerIndex();
      ok = aead.open(nonce, null, src, srcOff, len, out.array(), out.arrayOffset() + w);
      if (ok) {
        out.writerIndex(w + len - TAG);
      }
    } else {
      byte[] tmp = new byte[len - TAG];
      ok = aead.open(nonce, null, src, srcOff, len, tmp, 0);
      if (ok) {
        out.writeBytes(tmp);
      }
    }
    if (ok) {
      in.skipBytes(len);
    }
    return ok;
  }

  private byte[] scratch(int size) {
    if (scratch.length < size) {
      scratch = new byte[Math.max(size, 65535)];
    }
    return scratch;
  }
}
