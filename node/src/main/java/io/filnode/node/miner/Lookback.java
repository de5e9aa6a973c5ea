package io.filnode.node.miner;

import io.filnode.actors.v2.miner.Policy;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.stmgr.StateManager;
import io.filnode.vm.stmgr.StateManagerException;

/**
 * The tipset and state a block at a round reads miner power and sectors from (Lotus v1.10.0's
 * {@code GetLookbackTipSetForRound}): the state a winning-PoSt lookback before the round.
 *
 * @param tipSet the lookback tipset
 * @param stateRoot the state after it (the parent state of the next non-null tipset)
 */
public record Lookback(TipSet tipSet, Cid stateRoot) {
  /** Lotus's {@code GetWinningPoStSectorSetLookback}: 10 up to network version 3, then finality. */
  public static long winningPoStSectorSetLookback(int networkVersion) {
    return networkVersion <= 3 ? 10 : Policy.CHAIN_FINALITY;
  }

  /** The lookback of a block at {@code round} on top of {@code base}. */
  public static Lookback forRound(StateManager sm, TipSet base, long round) throws MiningException {
    long lb = winningPoStSectorSetLookback(sm.schedule().versionAt(round));
    long lbr = round > lb ? round - lb : 0;
    try {
      if (lbr >= base.height()) {
        // More null rounds than the lookback: the base's own state.
        return new Lookback(base, sm.tipSetState(base).stateRoot());
      }
      TipSet next = sm.chain().tipSetByHeight(lbr + 1, base, false);
      if (lbr > next.height()) {
        throw new MiningException("no non-null tipset at or after " + (lbr + 1) + " below " + base);
      }
      return new Lookback(sm.chain().loadTipSet(next.parents()), next.parentStateRoot());
    } catch (StateManagerException | ChainStoreException e) {
      throw new MiningException("finding the lookback state for round " + round, e);
    }
  }
}
