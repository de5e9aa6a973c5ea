package io.filnode.net.noise;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Noise CipherState with ChaCha20-Poly1305 (the JDK's): the key and the 64-bit nonce, which goes
 * little-endian into the last 8 bytes of the 12-byte IETF nonce. One Cipher object is reused.
 */
public final class CipherState {
  public static final int TAG = 16;
  private final SecretKeySpec key;
  private final Cipher cipher;
  private final byte[] nonce = new byte[12];
  private long n;

  public CipherState(byte[] key) {
    this.key = new SecretKeySpec(key, "ChaCha20");
    try {
      this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 missing from the JDK", e);
    }
  }

  private void init(int mode, byte[] ad) throws GeneralSecurityException {
    if (n == -1L) {
      throw new GeneralSecurityException("Noise nonce exhausted");
    }
    long v = n++;
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (v >>> (8 * i));
    }
    cipher.init(mode, key, new IvParameterSpec(nonce));
    if (ad != null && ad.length > 0) {
      cipher.updateAAD(ad);
    }
  }

  public byte[] encrypt(byte[] ad, byte[] plaintext) {
    try {
      init(Cipher.ENCRYPT_MODE, ad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
  }

  /** Decrypts; returns null when authentication fails. */
  public byte[] decrypt(byte[] ad, byte[] ciphertext) {
    try {
      init(Cipher.DECRYPT_MODE, ad);
      return cipher.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
    }
  }

  /** Encrypts {@code len} bytes of {@code in} into {@code out} (which must have room). */
  public void encrypt(ByteBuf in, int len, ByteBuf out) {
    try {
      init(Cipher.ENCRYPT_MODE, null);
      ByteBuffer dst = out.nioBuffer(out.writerIndex(), len + TAG);
      int count = in.nioBufferCount();
      int written;
      if (count == 1) {
        written = cipher.doFinal(in.nioBuffer(in.readerIndex(), len), dst);
      } else {
        ByteBuffer[] parts = in.slice(in.readerIndex(), len).nioBuffers();
        written = 0;
        for (ByteBuffer p : parts) {
          written += cipher.update(p, dst);
        }
        written += cipher.doFinal(ByteBuffer.allocate(0), dst);
      }
      in.skipBytes(len);
      out.writerIndex(out.writerIndex() + written);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
  }

  /** Decrypts the whole of {@code in} into {@code out}; false when authentication fails. */
  public boolean decrypt(ByteBuf in, ByteBuf out) {
    int len = in.readableBytes();
    try {
      init(Cipher.DECRYPT_MODE, null);
      ByteBuffer src = in.nioBuffer(in.readerIndex(), len);
      ByteBuffer dst = out.nioBuffer(out.writerIndex(), len - TAG);
      int written = cipher.doFinal(src, dst);
      in.skipBytes(len);
      out.writerIndex(out.writerIndex() + written);
      return true;
    } catch (AEADBadTagException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
    }
  }
}
