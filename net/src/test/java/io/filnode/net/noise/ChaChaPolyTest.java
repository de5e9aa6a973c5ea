package io.filnode.net.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our ChaCha20-Poly1305 against RFC 8439's AEAD vectors (2.8.2, A.5) and against the JDK's
 * provider, an independent implementation, on random inputs.
 */
class ChaChaPolyTest {
  static List<Rfc8439Vectors.Vector> aeadVectors() {
    return Rfc8439Vectors.of("aead");
  }

  @ParameterizedTest
  @MethodSource("aeadVectors")
  void sealsAndOpensTheRfcVectors(Rfc8439Vectors.Vector v) {
    int[] n = v.nonceWords();
    byte[] aad = v.bytes("aad");
    byte[] plain = v.bytes("plaintext");
    byte[] expected = XxHandshake.concat(v.bytes("ciphertext"), v.bytes("tag"));
    byte[] sealed = new byte[plain.length + ChaChaPoly.TAG];
    ChaChaPoly aead = new ChaChaPoly(v.bytes("key"));
    aead.seal(n[0], n[1], n[2], aad, plain, 0, plain.length, sealed, 0);
    assertThat(sealed).isEqualTo(expected);

    byte[] opened = new byte[plain.length];
    assertThat(aead.open(n[0], n[1], n[2], aad, expected, 0, expected.length, opened, 0)).isTrue();
    assertThat(opened).isEqualTo(plain);
    expected[3] ^= 0x20;
    assertThat(aead.open(n[0], n[1], n[2], aad, expected, 0, expected.length, opened, 0)).isFalse();
  }

  private static final int[] LENGTHS = {0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 1000, 65519};

  private static byte[] jdk(int mode, byte[] key, long nonce, byte[] ad, byte[] data)
      throws Exception {
    byte[] iv = new byte[12];
    for (int i = 0; i < 8; i++) {
      iv[4 + i] = (byte) (nonce >>> (8 * i));
    }
    Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
    c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(iv));
    if (ad != null) {
      c.updateAAD(ad);
    }
    return c.doFinal(data);
  }

  @Test
  void sealsAndOpensExactlyAsTheJdkDoes() throws Exception {
    Random r = new Random(8439);
    for (int round = 0; round < 300; round++) {
      byte[] key = new byte[32];
      r.nextBytes(key);
      long nonce = round % 3 == 0 ? round : r.nextLong();
      int len = round < LENGTHS.length ? LENGTHS[round] : r.nextInt(3000);
      byte[] ad = round % 4 == 0 ? null : new byte[r.nextInt(70)];
      if (ad != null) {
        r.nextBytes(ad);
      }
      byte[] plain = new byte[len];
      r.nextBytes(plain);
      int off = r.nextInt(5);

      byte[] in = new byte[off + len];
      System.arraycopy(plain, 0, in, off, len);
      byte[] sealed = new byte[off + len + ChaChaPoly.TAG];
      int n = new ChaChaPoly(key).seal(nonce, ad, in, off, len, sealed, off);
      assertThat(n).isEqualTo(len + ChaChaPoly.TAG);
      byte[] ours = Arrays.copyOfRange(sealed, off, off + n);
      assertThat(ours)
          .as("round %d, %d bytes", round, len)
          .isEqualTo(jdk(Cipher.ENCRYPT_MODE, key, nonce, ad, plain));

      byte[] opened = new byte[len];
      assertThat(new ChaChaPoly(key).open(nonce, ad, sealed, off, n, opened, 0)).isTrue();
      assertThat(opened).isEqualTo(plain);
      assertThat(jdk(Cipher.DECRYPT_MODE, key, nonce, ad, ours)).isEqualTo(plain);

      // any flipped bit, in the text or the tag, fails authentication
      sealed[off + r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
      assertThat(new ChaChaPoly(key).open(nonce, ad, sealed, off, n, opened, 0)).isFalse();
    }
  }

  @Test
  void wrongNonceOrAssociatedDataFailsAuthentication() {
    byte[] key = new byte[32];
    key[3] = 1;
    byte[] plain = "noise transport".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] sealed = new byte[plain.length + ChaChaPoly.TAG];
    new ChaChaPoly(key).seal(5, new byte[] {1}, plain, 0, plain.length, sealed, 0);
    byte[] out = new byte[plain.length];
    assertThat(new ChaChaPoly(key).open(6, new byte[] {1}, sealed, 0, sealed.length, out, 0))
        .isFalse();
    assertThat(new ChaChaPoly(key).open(5, new byte[] {2}, sealed, 0, sealed.length, out, 0))
        .isFalse();
    assertThat(new ChaChaPoly(key).open(5, new byte[] {1}, sealed, 0, sealed.length, out, 0))
        .isTrue();
    assertThat(new ChaChaPoly(key).open(5, null, sealed, 0, 15, out, 0)).isFalse(); // short
  }
}
