package io.filnode.vm;

import io.filnode.actors.runtime.proof.PieceInfo;
import io.filnode.actors.runtime.proof.SealVerifyInfo;
import io.filnode.actors.runtime.proof.WindowPoStVerifyInfo;
import io.filnode.actors.runtime.proof.WinningPoStVerifyInfo;
import io.filnode.chain.cid.Cid;
import java.util.List;

/**
 * The VM's pluggable backend for proofs (Lotus's {@code ffiwrapper.Verifier} and {@code
 * GenerateUnsealedCID}). The syscalls charge gas before they call it.
 */
public interface ProofVerifier {
  boolean verifySeal(SealVerifyInfo info);

  boolean verifyWindowPoSt(WindowPoStVerifyInfo info);

  /** A block's winning PoSt (checked by block production and validation, not by the VM). */
  boolean verifyWinningPoSt(WinningPoStVerifyInfo info);

  /**
   * The unsealed sector CID (CommD) of {@code pieces} for {@code sealProof}.
   *
   * @throws UnsupportedOperationException when this verifier cannot compute it
   */
  Cid generateUnsealedCid(long sealProof, List<PieceInfo> pieces);

  /**
   * A verifier that accepts every seal and PoSt, as the mock proofs of Lotus's test setups; it
   * computes no CommD.
   */
  static ProofVerifier acceptAll() {
    return new ProofVerifier() {
      @Override
      public boolean verifySeal(SealVerifyInfo info) {
        return true;
      }

      @Override
      public boolean verifyWindowPoSt(WindowPoStVerifyInfo info) {
        return true;
      }

      @Override
      public boolean verifyWinningPoSt(WinningPoStVerifyInfo info) {
        return true;
      }

      @Override
      public Cid generateUnsealedCid(long sealProof, List<PieceInfo> pieces) {
        throw new UnsupportedOperationException("the accept-all verifier computes no CommD");
      }
    };
  }
}
