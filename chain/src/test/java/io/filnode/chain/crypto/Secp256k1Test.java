package io.filnode.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  private static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
  private static final HexFormat HEX = HexFormat.of();
  private static final Secp256k1 NATIVE = new Secp256k1(new NativeSecp256k1());
  private static final Secp256k1 JAVA = new Secp256k1(new JavaSecp256k1());

  private static byte[] key(Random r) {
    byte[] k = new byte[32];
    do {
      r.nextBytes(k);
    } while (!Secp256k1.isValidPrivateKey(k));
    return k;
  }

  @Test
  void theDefaultIsTheNativeLibraryHere() {
    assertThat(Secp256k1.get().backend().name()).isEqualTo("libsecp256k1-jni");
  }

  @Test
  void nativeAndJavaAgreeOnKeysAndSignatures() throws Exception {
    Random r = new Random(42);
    for (int i = 0; i < 300; i++) {
      byte[] k = key(r);
      byte[] msg = new byte[r.nextInt(200)];
      r.nextBytes(msg);
      byte[] pub = NATIVE.publicKey(k);
      assertThat(pub).hasSize(65).startsWith(4).isEqualTo(JAVA.publicKey(k));
      byte[] sig = NATIVE.sign(k, msg);
      assertThat(JAVA.sign(k, msg)).isEqualTo(sig);
      assertThat(sig).hasSize(65);
      assertThat(new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)))
          .isLessThanOrEqualTo(N.shiftRight(1));
      assertThat(NATIVE.recover(msg, sig)).contains(pub);
      assertThat(JAVA.recover(msg, sig)).contains(pub);
      assertThat(NATIVE.verify(sig, msg, Secp256k1.addressPayload(pub))).isTrue();
    }
  }

  @Test
  void signingIsDeterministicRfc6979() throws Exception {
    // RFC 6979 has no secp256k1 vector; this is the widely published one for key 1 and
    // sha256("Satoshi Nakamoto"), r and low s.
    byte[] k = new byte[32];
    k[31] = 1;
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest("Satoshi Nakamoto".getBytes(StandardCharsets.US_ASCII));
    String expected =
        "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8"
            + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5";
    for (Secp256k1 s : new Secp256k1[] {NATIVE, JAVA}) {
      byte[] sig = s.signDigest(k, digest);
      assertThat(HexFormat.of().formatHex(sig, 0, 64)).isEqualTo(expected);
      assertThat(s.signDigest(k, digest)).isEqualTo(sig);
    }
  }

  @Test
  void recoveryAcceptsHighSAsLibsecp256k1Does() throws Exception {
    Random r = new Random(7);
    for (int i = 0; i < 20; i++) {
      byte[] k = key(r);
      byte[] msg = ("m" + i).getBytes(StandardCharsets.UTF_8);
      byte[] sig = NATIVE.sign(k, msg);
      byte[] high = sig.clone();
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
      byte[] sHigh = toBytes32(N.subtract(s));
      System.arraycopy(sHigh, 0, high, 32, 32);
      high[64] = (byte) (sig[64] ^ 1); // negating s mirrors R
      byte[] pub = NATIVE.publicKey(k);
      assertThat(NATIVE.recover(msg, high)).contains(pub);
      assertThat(JAVA.recover(msg, high)).contains(pub);
    }
  }

  @Test
  void refusesWhatGoCryptoRefuses() throws Exception {
    byte[] k = key(new Random(1));
    byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] sig = NATIVE.sign(k, msg);
    for (Secp256k1 s : new Secp256k1[] {NATIVE, JAVA}) {
      // recovery id outside 0..3
      for (int v : new int[] {4, 27, 28, 255}) {
        byte[] bad = sig.clone();
        bad[64] = (byte) v;
        assertThat(s.recover(msg, bad)).as("v=%d", v).isEmpty();
      }
      // wrong lengths
      assertThat(s.recover(msg, Arrays.copyOf(sig, 64))).isEmpty();
      assertThat(s.recover(msg, Arrays.copyOf(sig, 66))).isEmpty();
      // r = 0, s = 0, r = n, s = n
      assertThat(s.recover(msg, with(sig, 0, BigInteger.ZERO))).isEmpty();
      assertThat(s.recover(msg, with(sig, 32, BigInteger.ZERO))).isEmpty();
      assertThat(s.recover(msg, with(sig, 0, N))).isEmpty();
      assertThat(s.recover(msg, with(sig, 32, N))).isEmpty();
      // a flipped bit recovers some other key (or none): never the signer's
      byte[] pub = s.publicKey(k);
      for (int bit = 0; bit < 64 * 8; bit += 13) {
        byte[] flipped = sig.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThat(s.recover(msg, flipped).map(HEX::formatHex))
            .isNotEqualTo(Optional.of(HEX.formatHex(pub)));
        assertThat(s.verify(flipped, msg, Secp256k1.addressPayload(pub))).isFalse();
      }
      // a different message or key
      assertThat(
              s.verify(
                  sig, "hellp".getBytes(StandardCharsets.UTF_8), Secp256k1.addressPayload(pub)))
          .isFalse();
      byte[] other = s.publicKey(key(new Random(2)));
      assertThat(s.verify(sig, msg, Secp256k1.addressPayload(other))).isFalse();
    }
  }

  @Test
  void recoveryIdsTwoAndThreeNeedRPlusNBelowP() throws Exception {
    // r + n >= p for nearly every r, so ids 2 and 3 fail for real signatures in both backends
    byte[] k = key(new Random(3));
    byte[] msg = "x".getBytes(StandardCharsets.UTF_8);
    byte[] sig = NATIVE.sign(k, msg);
    for (int v = 2; v <= 3; v++) {
      byte[] bad = sig.clone();
      bad[64] = (byte) v;
      assertThat(NATIVE.recover(msg, bad)).isEmpty();
      assertThat(JAVA.recover(msg, bad)).isEmpty();
    }
    // with a tiny r, r + n is a valid x: both backends recover the same key for ids 2/3
    byte[] digest = Blake2b.sum256(msg);
    int agreed = 0;
    for (int x = 1; x < 40; x++) {
      for (int v = 2; v <= 3; v++) {
        byte[] forged = new byte[65];
        forged[31] = (byte) x;
        forged[63] = 5;
        forged[64] = (byte) v;
        Optional<String> a = NATIVE.recoverDigest(digest, forged).map(HEX::formatHex);
        assertThat(JAVA.recoverDigest(digest, forged).map(HEX::formatHex))
            .as("r=%d v=%d", x, v)
            .isEqualTo(a);
        agreed += a.isPresent() ? 1 : 0;
      }
    }
    assertThat(agreed).isPositive();
  }

  @Test
  void privateKeysMustBeInRange() {
    assertThat(Secp256k1.isValidPrivateKey(new byte[32])).isFalse();
    assertThat(Secp256k1.isValidPrivateKey(toBytes32(N))).isFalse();
    assertThat(Secp256k1.isValidPrivateKey(toBytes32(N.subtract(BigInteger.ONE)))).isTrue();
    assertThat(Secp256k1.isValidPrivateKey(new byte[31])).isFalse();
    assertThatThrownBy(() -> NATIVE.sign(new byte[32], new byte[1]))
        .isInstanceOf(CryptoException.class);
    assertThat(Secp256k1.isValidPrivateKey(Secp256k1.generatePrivateKey(new SecureRandom())))
        .isTrue();
  }

  private static byte[] with(byte[] sig, int offset, BigInteger value) {
    byte[] out = sig.clone();
    System.arraycopy(toBytes32(value), 0, out, offset, 32);
    return out;
  }

  private static byte[] toBytes32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
