package io.filnode.node.miner;

import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.stmgr.BeaconSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which beacon entries a block carries (Lotus v1.10.0's {@code BeaconEntriesForBlock} for a single
 * beacon, no beacon forks) and the newest entry already on the chain ({@code
 * GetLatestBeaconEntry}).
 */
public final class BeaconEntries {
  /** How many tipsets back Lotus looks for a beacon entry before giving up. */
  static final int LATEST_ENTRY_SEARCH_DEPTH = 20;

  private BeaconEntries() {}

  /** The last beacon entry in {@code ts} or the nearest ancestor that has one (max 20 back). */
  public static BeaconEntry latest(ChainStore chain, TipSet ts) throws MiningException {
    TipSet cur = ts;
    try {
      for (int i = 0; i < LATEST_ENTRY_SEARCH_DEPTH; i++) {
        BlockHeader first = cur.blocks().get(0);
        List<BeaconEntry> entries = first.beaconEntries();
        if (!entries.isEmpty()) {
          return entries.get(entries.size() - 1);
        }
        if (cur.height() == 0) {
          throw new MiningException("reached the genesis without finding a beacon entry");
        }
        cur = chain.loadTipSet(cur.parents());
      }
    } catch (ChainStoreException e) {
      throw new MiningException("loading parents to find the latest beacon entry", e);
    }
    throw new MiningException(
        "no beacon entry in the " + LATEST_ENTRY_SEARCH_DEPTH + " latest tipsets");
  }

  /**
   * The entries a block at {@code epoch} must carry after {@code prev}, oldest first: every round
   * after {@code prev} up to the beacon's round for {@code epoch}; none when that round is {@code
   * prev}'s. A previous round of 0 (the genesis's placeholder entry) asks for the newest round
   * only, as Lotus does.
   */
  public static List<BeaconEntry> forBlock(BeaconSource beacon, long epoch, BeaconEntry prev)
      throws MiningException {
    long maxRound = beacon.maxBeaconRoundForEpoch(epoch);
    if (maxRound == prev.round()) {
      return List.of();
    }
    long prevRound = prev.round() == 0 ? maxRound - 1 : prev.round();
    List<BeaconEntry> out = new ArrayList<>();
    long cur = maxRound;
    try {
      while (Long.compareUnsigned(cur, prevRound) > 0) {
        BeaconEntry e = beacon.entry(cur);
        out.add(e);
        cur = e.round() - 1;
      }
    } catch (BeaconSource.BeaconException e) {
      throw new MiningException("fetching beacon round " + cur + " for epoch " + epoch, e);
    }
    Collections.reverse(out);
    return out;
  }
}
