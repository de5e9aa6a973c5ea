package io.filnode.actors.v2.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import org.junit.jupiter.api.Test;

class SystemStateTest {
  @Test
  void encodesAsTheEmptyTuple() {
    assertThat(new SystemState().toCbor()).containsExactly(0x80);
  }

  @Test
  void hasTheCidOfTheEmptyArrayBlock() {
    // blake2b-256 of the single byte 0x80, computed independently (Python hashlib)
    assertThat(new SystemState().cid())
        .isEqualTo(Cid.parse("bafy2bzacebc3bt6cedhoyw34drrmjvazhu4oj25er2ebk4u445pzycvq4ta4a"));
  }

  @Test
  void decodesOnlyTheEmptyTuple() throws CborException {
    assertThat(SystemState.decode(new CborReader(new byte[] {(byte) 0x80})))
        .isEqualTo(new SystemState());
    assertThatThrownBy(() -> SystemState.decode(new CborReader(new byte[] {(byte) 0x81, 0x00})))
        .isInstanceOf(CborException.class);
    assertThatThrownBy(() -> SystemState.decode(new CborReader(new byte[] {(byte) 0xa0})))
        .isInstanceOf(CborException.class);
  }
}
