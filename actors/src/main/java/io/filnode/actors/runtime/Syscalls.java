package io.filnode.actors.runtime;

import io.filnode.actors.runtime.proof.PieceInfo;
import io.filnode.actors.runtime.proof.SealVerifyInfo;
import io.filnode.actors.runtime.proof.WindowPoStVerifyInfo;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.Signature;
import java.util.List;
import java.util.Map;

/**
 * The VM's syscalls, as specs-actors v2 {@code runtime.Syscalls}. Each charges its gas before it
 * runs. A failure that Go reports as an {@code error} is a {@link SyscallException}; the actor
 * picks the exit code.
 */
public interface Syscalls {
  /** Checks {@code signature} over {@code plaintext} by the key behind {@code signer}. */
  void verifySignature(Signature signature, Address signer, byte[] plaintext)
      throws SyscallException;

  byte[] hashBlake2b(byte[] data);

  Cid computeUnsealedSectorCid(long sealProof, List<PieceInfo> pieces) throws SyscallException;

  void verifySeal(SealVerifyInfo info) throws SyscallException;

  /**
   * Verifies many seals; the result has, per miner in the input's iteration order, one validity
   * flag per seal.
   */
  Map<Address, List<Boolean>> batchVerifySeals(Map<Address, List<SealVerifyInfo>> seals)
      throws SyscallException;

  void verifyPoSt(WindowPoStVerifyInfo info) throws SyscallException;

  /** The fault two block headers (and an optional third) prove, or a failure if they prove none. */
  ConsensusFault verifyConsensusFault(byte[] header1, byte[] header2, byte[] extra)
      throws SyscallException;
}
