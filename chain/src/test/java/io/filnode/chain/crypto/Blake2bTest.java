package io.filnode.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.cid.Hex;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class Blake2bTest {
  @Test
  void rfc7693Example() {
    // RFC 7693 appendix A: BLAKE2b-512("abc")
    assertThat(Hex.encode(Blake2b.sum("abc".getBytes(StandardCharsets.US_ASCII), 64)))
        .isEqualTo(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  }

  @Test
  void emptyInputAndBlockBoundaries() {
    for (int len : new int[] {0, 1, 7, 8, 9, 127, 128, 129, 255, 256, 257, 1024, 100_000}) {
      byte[] data = new byte[len];
      for (int i = 0; i < len; i++) {
        data[i] = (byte) (i * 31 + 7);
      }
      assertThat(Blake2b.sum256(data)).as("length %d", len).isEqualTo(reference(data, 32));
    }
  }

  /** The sizes Filecoin uses, against a digest configured directly. */
  @Property(tries = 500)
  void agreesWithBouncyCastle(
      @ForAll @Size(max = 700) byte[] data, @ForAll @IntRange(min = 1, max = 64) int size) {
    assertThat(Blake2b.sum(data, size)).isEqualTo(reference(data, size));
    assertThat(Blake2b.sum160(data)).isEqualTo(reference(data, 20));
    assertThat(Blake2b.sum32(data)).isEqualTo(reference(data, 4));
  }

  /**
   * Random lengths over many 128-byte blocks (jqwik also tries the edges: empty, one byte, the
   * largest size), every output size, against BouncyCastle.
   */
  @Property(tries = 400)
  void agreesWithBouncyCastleOverManyBlocks(
      @ForAll @Size(max = 5_000) byte[] data, @ForAll @IntRange(min = 1, max = 64) int size) {
    assertThat(Blake2b.sum(data, size)).isEqualTo(reference(data, size));
    assertThat(Blake2b.sum256(data)).isEqualTo(reference(data, 32));
  }

  @Test
  void rejectsOutputSizesOutsideOneTo64() {
    assertThatThrownBy(() -> Blake2b.sum(new byte[1], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Blake2b.sum(new byte[1], 65))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] reference(byte[] data, int size) {
    Blake2bDigest d = new Blake2bDigest(size * 8);
    d.update(data, 0, data.length);
    byte[] out = new byte[size];
    d.doFinal(out, 0);
    return out;
  }
}
