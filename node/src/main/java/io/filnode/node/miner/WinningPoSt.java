package io.filnode.node.miner;

import io.filnode.actors.runtime.proof.SectorInfo;
import io.filnode.actors.runtime.proof.WinningPoStVerifyInfo;
import io.filnode.actors.v2.miner.MinerInfo;
import io.filnode.chain.address.Address;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.types.PoStProof;
import io.filnode.vm.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Winning PoSts with mock proofs, as Lotus's test setups make them: the challenged sectors come
 * from the lookback state as in {@code GetSectorsForWinningPoSt}, but the challenge picks the first
 * proving sector (the mock verifier's {@code GenerateWinningPoStSectorChallenge} returns index 0)
 * and the proof bytes are Lotus's mock {@code "valid proof"}, of the registered winning PoSt type
 * of the sectors' seal type. A real prover would replace both; the verifier decides either way.
 */
public final class WinningPoSt {
  /** The proof bytes Lotus's insecure PoSt validation accepts. */
  static final byte[] MOCK_PROOF_BYTES = "valid proof".getBytes(StandardCharsets.US_ASCII);

  private WinningPoSt() {}

  /**
   * The registered winning PoSt proof of a seal proof type: StackedDrg V1 and V1_1 (0–4, 5–9) of
   * the sizes 2 KiB, 8 MiB, 512 MiB, 32 GiB, 64 GiB map to StackedDrgWinning 2KiB…64GiB V1 (0–4).
   */
  public static long winningPoStProofType(long sealProof) {
    if (sealProof < 0 || sealProof > 9) {
      throw new IllegalArgumentException("unknown seal proof type " + sealProof);
    }
    return sealProof % 5;
  }

  /**
   * The sectors a block by the miner is challenged on, from its state at the lookback; empty when
   * it proves none (then it cannot mine).
   */
  static List<SectorInfo> challengedSectors(MinerStateView mstate, int networkVersion)
      throws MiningException {
    BitField proving = mstate.provingSectors(networkVersion);
    if (proving.isEmpty()) {
      return List.of();
    }
    MinerInfo info = mstate.info();
    winningPoStProofType(info.sealProofType()); // refuses a type no winning PoSt exists for
    long first = proving.first().orElseThrow();
    return mstate.sectorInfos(BitField.of(first));
  }

  /** The mock winning PoSt over {@code sectors} (not empty). */
  static List<PoStProof> mockProof(List<SectorInfo> sectors) {
    long type = winningPoStProofType(sectors.get(0).sealProof());
    return List.of(new PoStProof(type, MOCK_PROOF_BYTES));
  }

  /** Whether {@code verifier} accepts {@code proofs} for {@code miner}'s challenge. */
  static boolean verify(
      ProofVerifier verifier,
      byte[] randomness,
      List<PoStProof> proofs,
      List<SectorInfo> sectors,
      Address miner) {
    return verifier.verifyWinningPoSt(
        new WinningPoStVerifyInfo(randomness, proofs, sectors, miner.id()));
  }
}
