package io.filnode.node.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.store.ChainWeight;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.PoStProof;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.stmgr.StateManager;
import io.filnode.vm.stmgr.StateManagerException;
import io.filnode.vm.stmgr.TipSetState;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Produces Expected Consensus blocks as Lotus v1.10.0 does with mock proofs: {@link #tryWin} is
 * {@code mineOne} up to the winning PoSt (base info, ticket, election, proof), {@link #createBlock}
 * is {@code MinerCreateBlock} (messages, parent state, weight, base fee, signature).
 */
public final class BlockProducer {
  private final StateManager sm;
  private final BlockSigner signer;

  public BlockProducer(StateManager sm, BlockSigner signer) {
    this.sm = sm;
    this.signer = signer;
  }

  public StateManager stateManager() {
    return sm;
  }

  /** A won election: everything a block needs besides its messages and parent data. */
  public record Win(
      LocalMiner miner,
      Address workerKey,
      Ticket ticket,
      ElectionProof electionProof,
      List<BeaconEntry> beaconEntries,
      List<PoStProof> winPoStProof) {
    public Win {
      beaconEntries = List.copyOf(beaconEntries);
      winPoStProof = List.copyOf(winPoStProof);
    }
  }

  /** A block's timestamp: the base's plus one block delay per round since it. */
  public static long timestamp(TipSet base, long round, long blockDelaySecs) {
    return base.minTimestamp() + blockDelaySecs * (round - base.height());
  }

  /**
   * Whether {@code miner} wins {@code round} on {@code base}, and if so its ticket, election proof,
   * beacon entries and winning PoSt; empty when it is not eligible or does not win.
   */
  public Optional<Win> tryWin(TipSet base, long round, LocalMiner miner) throws MiningException {
    Address id = miner.minerId();
    Optional<MiningBaseInfo> found = MiningBaseInfo.load(sm, base, round, id);
    if (found.isEmpty() || !found.get().eligibleForMining()) {
      return Optional.empty();
    }
    MiningBaseInfo mbi = found.get();
    if (!mbi.workerKey().equals(miner.worker())) {
      throw new MiningException(
          "the worker of "
              + id
              + " on chain is "
              + mbi.workerKey()
              + ", not the configured "
              + miner.worker());
    }
    if (mbi.networkPower().signum() <= 0) {
      // Lotus would divide by zero here: no miner reaches the consensus minimum power.
      throw new MiningException(
          "the network's quality-adjusted power at the lookback is zero: no miner reaches the"
              + " consensus minimum power, so nobody can win");
    }
    byte[] beacon = mbi.randomnessBase().data();
    Ticket ticket =
        new Ticket(vrf(mbi.workerKey(), VrfInputs.ticket(beacon, id, round, base, sm.schedule())));
    ElectionProof proof =
        new ElectionProof(0, vrf(mbi.workerKey(), VrfInputs.electionProof(beacon, id, round)));
    long wins = proof.computeWinCount(mbi.minerPower(), mbi.networkPower());
    if (wins < 1) {
      return Optional.empty();
    }
    byte[] seed = VrfInputs.winningPoStSeed(beacon, id, round);
    List<PoStProof> post = WinningPoSt.mockProof(mbi.sectors());
    if (!WinningPoSt.verify(sm.proofs(), seed, post, mbi.sectors(), id)) {
      throw new MiningException("the proof verifier refused the winning PoSt of " + id);
    }
    return Optional.of(
        new Win(
            miner, mbi.workerKey(), ticket, proof.withWinCount(wins), mbi.beaconEntries(), post));
  }

  /**
   * Assembles {@code win}'s block at {@code round} on {@code base} with {@code messages} and signs
   * it with the worker key.
   */
  public BlockHeader createBlock(
      TipSet base, long round, long timestamp, Win win, List<SignedMessage> messages)
      throws MiningException {
    IpldStore store = new IpldStore(sm.chain().blockstore());
    TipSetState parent;
    TokenAmount baseFee;
    try {
      parent = sm.tipSetState(base);
      baseFee = sm.computeBaseFee(base);
    } catch (StateManagerException e) {
      throw new MiningException("computing the state and base fee of " + base, e);
    }
    MessagePacker.Packed packed = MessagePacker.pack(store, messages);
    BlockHeader unsigned =
        new BlockHeader(
            win.miner().minerId(),
            win.ticket(),
            win.electionProof(),
            win.beaconEntries(),
            win.winPoStProof(),
            base.cids(),
            parentWeight(store, base),
            round,
            parent.stateRoot(),
            parent.receiptsRoot(),
            packed.msgMeta(),
            packed.blsAggregate(),
            timestamp,
            null,
            0,
            baseFee);
    return unsigned.withBlockSig(sign(win.workerKey(), unsigned.signingBytes()));
  }

  /** Lotus's {@code ChainStore.Weight} of the base: total power from the base's parent state. */
  private static BigInteger parentWeight(IpldStore store, TipSet base) throws MiningException {
    BigInteger power = PowerStateView.load(store, base.parentStateRoot()).totalQualityAdjPower();
    try {
      return ChainWeight.weight(base, power);
    } catch (IllegalArgumentException e) {
      throw new MiningException("weighing " + base + ": " + e.getMessage(), e);
    }
  }

  /** A VRF output: the worker's BLS signature over {@code input}. */
  private byte[] vrf(Address worker, byte[] input) throws MiningException {
    Signature sig = sign(worker, input);
    if (sig.type() != SignatureType.BLS) {
      throw new MiningException("miner worker address " + worker + " is not a BLS key");
    }
    return sig.data();
  }

  private Signature sign(Address worker, byte[] data) throws MiningException {
    try {
      return signer.sign(worker, data);
    } catch (Exception e) {
      throw new MiningException("signing with worker " + worker, e);
    }
  }
}
