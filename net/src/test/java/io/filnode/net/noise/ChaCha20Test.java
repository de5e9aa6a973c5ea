package io.filnode.net.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ChaCha20 against RFC 8439 (2.3.2, 2.4.2, 2.6.2, A.1, A.2, A.4), and its two code paths. */
class ChaCha20Test {
  static List<Rfc8439Vectors.Vector> blocks() {
    return Rfc8439Vectors.of("block");
  }

  static List<Rfc8439Vectors.Vector> encryptions() {
    return Rfc8439Vectors.of("chacha20");
  }

  static List<Rfc8439Vectors.Vector> polyKeys() {
    return Rfc8439Vectors.of("polykey");
  }

  @ParameterizedTest
  @MethodSource("blocks")
  void blockFunction(Rfc8439Vectors.Vector v) {
    int[] n = v.nonceWords();
    byte[] out = new byte[64];
    new ChaCha20(v.bytes("key")).block(v.counter(), n[0], n[1], n[2], out, 0);
    assertThat(out).isEqualTo(v.bytes("out"));
  }

  @ParameterizedTest
  @MethodSource("encryptions")
  void encryption(Rfc8439Vectors.Vector v) {
    int[] n = v.nonceWords();
    byte[] plain = v.bytes("plaintext");
    byte[] out = new byte[plain.length];
    new ChaCha20(v.bytes("key")).xor(v.counter(), n[0], n[1], n[2], plain, 0, plain.length, out, 0);
    assertThat(out).isEqualTo(v.bytes("ciphertext"));
  }

  @ParameterizedTest
  @MethodSource("polyKeys")
  void poly1305KeyIsTheFirstHalfOfBlockZero(Rfc8439Vectors.Vector v) {
    int[] n = v.nonceWords();
    byte[] out = new byte[64];
    new ChaCha20(v.bytes("key")).block(0, n[0], n[1], n[2], out, 0);
    assertThat(Arrays.copyOf(out, 32)).isEqualTo(v.bytes("out"));
  }

  /** Long texts take the side-by-side path, which no RFC vector is long enough to reach. */
  @Test
  void sideBySideBlocksEqualTheBlockFunction() {
    Random r = new Random(8439);
    int[] lengths = {
      ChaCha20.MIN_LANES * 64 - 1,
      ChaCha20.MIN_LANES * 64,
      ChaCha20.LANES * 64,
      ChaCha20.LANES * 64 + 7,
      (ChaCha20.LANES + ChaCha20.MIN_LANES) * 64 + 3,
      65519
    };
    for (int round = 0; round < 20; round++) {
      byte[] key = new byte[32];
      r.nextBytes(key);
      int n0 = r.nextInt();
      int n1 = r.nextInt();
      int n2 = r.nextInt();
      int counter = round == 0 ? -3 : r.nextInt(1000); // -3: the counter wraps mid-text
      int len = round < lengths.length ? lengths[round] : r.nextInt(20_000);
      byte[] in = new byte[len];
      r.nextBytes(in);

      ChaCha20 c = new ChaCha20(key);
      byte[] expected = new byte[len];
      byte[] block = new byte[64];
      for (int i = 0; i < len; i++) {
        if (i % 64 == 0) {
          c.block(counter + i / 64, n0, n1, n2, block, 0);
        }
        expected[i] = (byte) (in[i] ^ block[i % 64]);
      }
      byte[] out = new byte[len];
      c.xor(counter, n0, n1, n2, in, 0, len, out, 0);
      assertThat(out).as("%d bytes from block %d", len, counter).isEqualTo(expected);
    }
  }
}
