package io.filnode.node.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.runtime.proof.SectorInfo;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.PoStProof;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WinningPoStTest {
  @Test
  void winningTypeFollowsTheSectorSizeForBothSealVersions() {
    // RegisteredPoStProof: StackedDrgWinning2KiBV1 = 0 … StackedDrgWinning64GiBV1 = 4.
    assertThat(WinningPoSt.winningPoStProofType(SealProofs.STACKED_DRG_32GIB_V1_1)).isEqualTo(3);
    assertThat(WinningPoSt.winningPoStProofType(SealProofs.STACKED_DRG_32GIB_V1)).isEqualTo(3);
    assertThat(WinningPoSt.winningPoStProofType(SealProofs.STACKED_DRG_2KIB_V1_1)).isZero();
    assertThat(WinningPoSt.winningPoStProofType(SealProofs.STACKED_DRG_64GIB_V1)).isEqualTo(4);
    assertThatThrownBy(() -> WinningPoSt.winningPoStProofType(10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mockProofHasTheWinningTypeOfTheChallengedSectors() {
    SectorInfo s =
        new SectorInfo(SealProofs.STACKED_DRG_32GIB_V1_1, 7, Cid.ofDagCbor(new byte[] {0}));
    List<PoStProof> proof = WinningPoSt.mockProof(List.of(s));
    assertThat(proof).hasSize(1);
    assertThat(proof.get(0).postProof()).isEqualTo(3);
    assertThat(new String(proof.get(0).proofBytes(), StandardCharsets.US_ASCII))
        .isEqualTo("valid proof");
  }
}
