package io.filnode.net.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Poly1305 against RFC 8439 (2.5.2 and the eleven vectors of A.3, edge cases included). */
class Poly1305Test {
  static List<Rfc8439Vectors.Vector> vectors() {
    return Rfc8439Vectors.of("poly1305");
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void tagMatchesTheRfc(Rfc8439Vectors.Vector v) {
    byte[] text = v.bytes("text");
    Poly1305 p = new Poly1305();
    p.init(v.bytes("key"), 0);
    p.tail(text, 0, text.length);
    byte[] tag = new byte[16];
    p.finish(tag, 0);
    assertThat(tag).isEqualTo(v.bytes("tag"));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void blockByBlockGivesTheSameTag(Rfc8439Vectors.Vector v) {
    byte[] text = v.bytes("text");
    byte[] key = new byte[40];
    System.arraycopy(v.bytes("key"), 0, key, 8, 32); // at an offset
    Poly1305 p = new Poly1305();
    p.init(new byte[32], 0); // reused: init must reset all state
    p.blocks(new byte[16], 0, 16, Poly1305.HIBIT);
    p.init(key, 8);
    int whole = text.length & ~15;
    for (int i = 0; i < whole; i += 16) {
      p.blocks(text, i, 16, Poly1305.HIBIT);
    }
    p.tail(text, whole, text.length - whole);
    byte[] tag = new byte[20];
    p.finish(tag, 4);
    assertThat(java.util.Arrays.copyOfRange(tag, 4, 20)).isEqualTo(v.bytes("tag"));
  }
}
