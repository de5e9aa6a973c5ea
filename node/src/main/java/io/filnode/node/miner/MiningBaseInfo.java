package io.filnode.node.miner;

import io.filnode.actors.runtime.proof.SectorInfo;
import io.filnode.actors.v2.power.Claim;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.stmgr.BeaconEntries;
import io.filnode.vm.stmgr.BeaconSource;
import io.filnode.vm.stmgr.StateManager;
import io.filnode.vm.stmgr.StateManagerException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What a miner needs to try a round (Lotus v1.10.0's {@code MiningBaseInfo}): its and the network's
 * quality-adjusted power at the lookback, the sectors its winning PoSt is challenged on, its worker
 * key, the beacon entry before the block and the entries the block carries, and whether it may mine
 * at all.
 */
public record MiningBaseInfo(
    BigInteger minerPower,
    BigInteger networkPower,
    List<SectorInfo> sectors,
    Address workerKey,
    BeaconEntry prevBeaconEntry,
    List<BeaconEntry> beaconEntries,
    boolean eligibleForMining) {
  public MiningBaseInfo {
    sectors = List.copyOf(sectors);
    beaconEntries = List.copyOf(beaconEntries);
  }

  /** The beacon entry the block's randomness comes from: its last one, else the previous one. */
  public BeaconEntry randomnessBase() {
    return beaconEntries.isEmpty() ? prevBeaconEntry : beaconEntries.get(beaconEntries.size() - 1);
  }

  /**
   * Lotus's {@code MinerGetBaseInfo} for {@code miner} at {@code round} on top of {@code base}:
   * empty when the miner cannot produce a block there (it did not exist at the lookback or proves
   * no sectors).
   */
  public static Optional<MiningBaseInfo> load(
      StateManager sm, TipSet base, long round, Address miner) throws MiningException {
    IpldStore store = new IpldStore(sm.chain().blockstore());
    BeaconEntry prev;
    List<BeaconEntry> entries;
    try {
      prev = BeaconEntries.latest(sm.chain(), base);
      entries = BeaconEntries.forBlock(sm.beacon(), round, prev);
    } catch (StateManagerException | BeaconSource.BeaconException e) {
      throw new MiningException("finding the beacon entries of round " + round, e);
    }

    Lookback lb = Lookback.forRound(sm, base, round);
    Optional<MinerStateView> mstate = MinerStateView.load(store, lb.stateRoot(), miner);
    if (mstate.isEmpty()) {
      return Optional.empty();
    }
    int nv = sm.schedule().versionAt(base.height());
    List<SectorInfo> sectors = WinningPoSt.challengedSectors(mstate.get(), nv);
    if (sectors.isEmpty()) {
      return Optional.empty();
    }
    PowerStateView power = PowerStateView.load(store, lb.stateRoot());
    Claim claim =
        power
            .claim(miner)
            .orElseThrow(() -> new MiningException("miner " + miner + " has no power claim"));
    Address worker = mstate.get().info().worker();
    Address workerKey;
    try {
      workerKey = sm.resolveToKey(worker, lb.stateRoot());
    } catch (StateManagerException e) {
      throw new MiningException("resolving worker " + worker + " of miner " + miner, e);
    }
    boolean eligible = Eligibility.eligibleToMine(store, sm.schedule(), miner, base, lb.tipSet());
    return Optional.of(
        new MiningBaseInfo(
            claim.qualityAdjPower(),
            power.totalQualityAdjPower(),
            sectors,
            workerKey,
            prev,
            entries,
            eligible));
  }
}
