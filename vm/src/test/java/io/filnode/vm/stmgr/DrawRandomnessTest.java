package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.runtime.DomainSeparationTag;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DrawRandomnessTest {
  @Test
  void matchesAnIndependentComputation() {
    // blake2b-256(int64be(tag) || blake2b-256(base) || int64be(round) || entropy), via hashlib
    byte[] base = {1, 2, 3};
    assertThat(
            HexFormat.of()
                .formatHex(
                    DrawRandomness.draw(
                        base,
                        DomainSeparationTag.ELECTION_PROOF_PRODUCTION,
                        10,
                        "entropy".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("fa84af3c6d1c9d901caf6a4a8a3faae3c38f34756749ea023c3b13a02cb4e322");
    assertThat(HexFormat.of().formatHex(DrawRandomness.draw(base, 2, -5, new byte[0])))
        .isEqualTo("e516938042fcc8f1d50fe2102029d63343beb5245dca7a83bd700128e9f5173e");
  }

  @Test
  void nullEntropyIsNone() {
    byte[] base = {1, 2, 3};
    assertThat(DrawRandomness.draw(base, DomainSeparationTag.POST_CHAIN_COMMIT, 7, (byte[]) null))
        .isEqualTo(
            DrawRandomness.draw(base, DomainSeparationTag.POST_CHAIN_COMMIT, 7, new byte[0]));
  }
}
