package io.filnode.node.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.crypto.SignatureVerifier;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.stmgr.BeaconEntries;
import io.filnode.vm.stmgr.StateManagerException;
import java.util.List;

/**
 * The cheap part of block validation, run on our own blocks before they become the head (catches
 * signing and randomness bugs that other nodes would reject): the block signature, the ticket and
 * the election proof verify against the worker key over the inputs Lotus's {@code ValidateBlock}
 * derives.
 */
final class BlockSelfCheck {
  private BlockSelfCheck() {}

  static void verify(
      ChainStore chain, NetworkSchedule schedule, TipSet base, BlockHeader b, Address workerKey)
      throws MiningException {
    if (b.blockSig() == null
        || !SignatureVerifier.verify(b.blockSig(), workerKey, b.signingBytes())) {
      throw new MiningException("block " + b + " has an invalid signature");
    }
    if (b.electionProof() == null || b.electionProof().winCount() < 1) {
      throw new MiningException("block " + b + " does not claim to be a winner");
    }
    if (b.ticket() == null) {
      throw new MiningException("block " + b + " has no ticket");
    }
    List<BeaconEntry> entries = b.beaconEntries();
    BeaconEntry rbase;
    try {
      rbase =
          entries.isEmpty() ? BeaconEntries.latest(chain, base) : entries.get(entries.size() - 1);
    } catch (StateManagerException e) {
      throw new MiningException("finding the beacon entry before " + b, e);
    }
    byte[] electionInput = VrfInputs.electionProof(rbase.data(), b.miner(), b.height());
    if (!vrfValid(workerKey, electionInput, b.electionProof().vrfProof())) {
      throw new MiningException("block " + b + " has an invalid election proof");
    }
    byte[] ticketInput = VrfInputs.ticket(rbase.data(), b.miner(), b.height(), base, schedule);
    if (!vrfValid(workerKey, ticketInput, b.ticket().vrfProof())) {
      throw new MiningException("block " + b + " has an invalid ticket");
    }
  }

  private static boolean vrfValid(Address worker, byte[] input, byte[] proof) {
    return SignatureVerifier.verify(new Signature(SignatureType.BLS, proof), worker, input);
  }
}
