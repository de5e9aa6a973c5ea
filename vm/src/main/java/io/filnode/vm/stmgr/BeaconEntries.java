package io.filnode.vm.stmgr;

import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.TipSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which beacon entries a block carries (Lotus's {@code beacon.BeaconEntriesForBlock}) and where the
 * newest one on a chain is ({@code ChainStore.GetLatestBeaconEntry}). filnode has one beacon per
 * network, so Lotus's beacon-schedule fork case (two entries at a switch of beacon) never arises.
 */
public final class BeaconEntries {
  /** Lotus looks back this many tipsets for a beacon entry before giving up. */
  static final int LATEST_ENTRY_SEARCH_DEPTH = 20;

  private BeaconEntries() {}

  /**
   * The entries a block at {@code epoch} must carry after {@code prev}, the last entry on its
   * parent's chain: every round after {@code prev}'s up to the newest for {@code epoch}, oldest
   * first; none when {@code prev} already is the newest. A {@code prev} of round 0 (the genesis
   * placeholder) asks for the newest round only, as Lotus does.
   */
  public static List<BeaconEntry> forBlock(BeaconSource beacon, long epoch, BeaconEntry prev)
      throws BeaconSource.BeaconException {
    long maxRound = beacon.maxBeaconRoundForEpoch(epoch);
    if (maxRound == prev.round()) {
      return List.of();
    }
    long prevRound = prev.round() == 0 ? maxRound - 1 : prev.round();
    List<BeaconEntry> out = new ArrayList<>();
    long cur = maxRound;
    // rounds are uint64 in Lotus
    while (Long.compareUnsigned(cur, prevRound) > 0) {
      BeaconEntry e = beacon.entry(cur);
      out.add(e);
      cur = e.round() - 1;
    }
    Collections.reverse(out);
    return List.copyOf(out);
  }

  /**
   * The last beacon entry of the newest tipset, at or before {@code ts}, whose first block carries
   * any (Lotus's {@code GetLatestBeaconEntry}); searches at most 20 tipsets back.
   */
  public static BeaconEntry latest(ChainStore chain, TipSet ts) throws StateManagerException {
    TipSet cur = ts;
    for (int i = 0; i < LATEST_ENTRY_SEARCH_DEPTH; i++) {
      List<BeaconEntry> entries = cur.blocks().get(0).beaconEntries();
      if (!entries.isEmpty()) {
        return entries.get(entries.size() - 1);
      }
      if (cur.height() == 0) {
        throw new StateManagerException(
            "made it back to genesis block without finding beacon entry");
      }
      try {
        cur = chain.loadTipSet(cur.parents());
      } catch (ChainStoreException e) {
        throw new StateManagerException(
            "failed to load parents when searching back for latest beacon entry: " + e.getMessage(),
            e);
      }
    }
    throw new StateManagerException(
        "found no beacon entries in the " + LATEST_ENTRY_SEARCH_DEPTH + " latest tipsets");
  }
}
