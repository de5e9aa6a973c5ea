package io.filnode.actors.runtime.proof;

import io.filnode.chain.types.PoStProof;
import java.util.List;

/** proof.WindowPoStVerifyInfo: a window PoSt with its challenge and the sectors it covers. */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record WindowPoStVerifyInfo(
    byte[] randomness, List<PoStProof> proofs, List<SectorInfo> challengedSectors, long prover) {
  public WindowPoStVerifyInfo {
    proofs = List.copyOf(proofs);
    challengedSectors = List.copyOf(challengedSectors);
  }
}
