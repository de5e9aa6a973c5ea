package io.filnode.actors.runtime.proof;

import io.filnode.chain.types.PoStProof;
import java.util.List;

/**
 * proof.WinningPoStVerifyInfo: a block's winning PoSt with its challenge randomness and the sectors
 * it was challenged on.
 */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record WinningPoStVerifyInfo(
    byte[] randomness, List<PoStProof> proofs, List<SectorInfo> challengedSectors, long prover) {
  public WinningPoStVerifyInfo {
    proofs = List.copyOf(proofs);
    challengedSectors = List.copyOf(challengedSectors);
  }
}
