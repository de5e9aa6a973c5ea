package io.filnode.vm;

import io.filnode.actors.runtime.ConsensusFault;
import io.filnode.actors.runtime.SyscallException;
import io.filnode.actors.runtime.proof.SealVerifyInfo;
import io.filnode.actors.runtime.proof.WindowPoStVerifyInfo;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.SignatureVerifier;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.Signature;

/**
 * The unpriced syscalls of one call, Lotus's {@code syscallShim}: signatures (the signer resolved
 * to its key through the account actor, read through the charging store), proofs through the {@link
 * ProofVerifier}, and consensus fault checks.
 */
final class VmSyscalls {
  /** Lotus's {@code build.UpgradeOrangeHeight} on mainnet: fault reports are off around it. */
  private static final long UPGRADE_ORANGE_HEIGHT = 336_458;

  private static final long CHAIN_FINALITY = 900;

  private final Vm vm;
  private final VmRuntime rt;

  VmSyscalls(Vm vm, VmRuntime rt) {
    this.vm = vm;
    this.rt = rt;
  }

  void verifySignature(Signature signature, Address signer, byte[] plaintext)
      throws SyscallException {
    Address key = rt.resolveKey(signer, rt.store());
    if (!SignatureVerifier.verify(signature, key, plaintext)) {
      throw new SyscallException("signature verification failed");
    }
  }

  void verifySeal(SealVerifyInfo info) throws SyscallException {
    if (!vm.config().proofs().verifySeal(info)) {
      throw new SyscallException("invalid proof");
    }
  }

  void verifyPoSt(WindowPoStVerifyInfo info) throws SyscallException {
    if (!vm.config().proofs().verifyWindowPoSt(info)) {
      throw new SyscallException("proof was invalid");
    }
  }

  ConsensusFault verifyConsensusFault(byte[] a, byte[] b, byte[] extra) throws SyscallException {
    BlockHeader blockA = decodeHeader(a, "first block header");
    BlockHeader blockB = decodeHeader(b, "second block header");
    if (nearOrange(blockA.height()) || nearOrange(blockB.height())) {
      throw new SyscallException("consensus reporting disabled around Upgrade Orange");
    }
    Cid cidA = Cid.ofDagCbor(blockA.toCbor());
    Cid cidB = Cid.ofDagCbor(blockB.toCbor());
    if (cidA.equals(cidB)) {
      throw new SyscallException("no consensus fault: submitted blocks are the same");
    }
    if (!blockA.miner().equals(blockB.miner())) {
      throw new SyscallException("no consensus fault: blocks not mined by same miner");
    }
    if (blockB.height() < blockA.height()) {
      throw new SyscallException("first block must not be of higher height than second");
    }
    ConsensusFault fault = null;
    if (blockA.height() == blockB.height()) {
      fault =
          new ConsensusFault(
              blockA.miner(), blockB.height(), ConsensusFault.Type.DOUBLE_FORK_MINING);
    }
    if (blockA.parents().equals(blockB.parents()) && blockA.height() != blockB.height()) {
      fault =
          new ConsensusFault(
              blockA.miner(), blockB.height(), ConsensusFault.Type.TIME_OFFSET_MINING);
    }
    if (extra != null && extra.length > 0) {
      BlockHeader blockC = decodeHeader(extra, "extra");
      Cid cidC = Cid.ofDagCbor(blockC.toCbor());
      if (blockA.parents().equals(blockC.parents())
          && blockA.height() == blockC.height()
          && blockB.parents().contains(cidC)
          && !blockB.parents().contains(cidA)) {
        fault =
            new ConsensusFault(
                blockA.miner(), blockB.height(), ConsensusFault.Type.PARENT_GRINDING);
      }
    }
    if (fault == null) {
      throw new SyscallException("no consensus fault detected");
    }
    verifyBlockSig(blockA, "first");
    verifyBlockSig(blockB, "second");
    return fault;
  }

  private static BlockHeader decodeHeader(byte[] data, String what) throws SyscallException {
    try {
      return BlockHeader.decode(new CborReader(data));
    } catch (CborException e) {
      throw new SyscallException("cannot decode " + what + ": " + e.getMessage(), e);
    }
  }

  private static boolean nearOrange(long epoch) {
    return epoch > UPGRADE_ORANGE_HEIGHT - CHAIN_FINALITY
        && epoch < UPGRADE_ORANGE_HEIGHT + CHAIN_FINALITY;
  }

  private void verifyBlockSig(BlockHeader blk, String which) throws SyscallException {
    Address worker = workerKeyAtLookback(blk.height());
    Signature sig = blk.blockSig();
    if (sig == null) {
      throw new SyscallException("cannot verify " + which + " block sig: no signature");
    }
    if (!SignatureVerifier.verify(sig, worker, blk.signingBytes())) {
      throw new SyscallException("cannot verify " + which + " block sig");
    }
  }

  private Address workerKeyAtLookback(long height) throws SyscallException {
    if (rt.networkVersion() >= 7 && height < rt.currEpoch() - CHAIN_FINALITY) {
      throw new SyscallException("cannot get worker key (height " + height + ")");
    }
    VmConfig.LookbackState lookback = vm.config().lookback();
    if (lookback == null) {
      // Lotus's message driver sets no lookback getter and so fails here (recovered as a panic)
      throw new IllegalStateException("no lookback state getter");
    }
    IpldStore charged = rt.store();
    try {
      StateTree lb = StateTree.load(vm.store(), lookback.stateAt(height));
      Actor miner = lb.getActor(rt.receiver());
      if (miner == null) {
        throw new SyscallException("miner actor not found at lookback");
      }
      // miner state v2: field 0 is the info CID; MinerInfo field 1 is the worker
      CborReader ms = new CborReader(charged.blockstore().get(miner.head()));
      ms.readArrayHeader();
      Cid info = ms.readCid();
      CborReader mi = new CborReader(charged.blockstore().get(info));
      mi.readArrayHeader();
      Address.decode(mi);
      Address worker = Address.decode(mi);
      return rt.resolveKey(worker, charged);
    } catch (CborException e) {
      throw new SyscallException("loading worker key: " + e.getMessage(), e);
    }
  }
}
