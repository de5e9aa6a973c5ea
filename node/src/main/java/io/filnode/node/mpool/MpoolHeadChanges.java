package io.filnode.node.mpool;

import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.HeadChange;
import io.filnode.chain.types.TipSet;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MpoolException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the chain's head changes to the pool (Lotus's {@code SubscribeHeadChanges} in the
 * messagepool constructor): each change's reverted and applied tipsets go to {@link
 * MessagePool#headChange} in one call, so included messages leave the pool and those of reverted
 * tipsets come back. The initial {@code current} notification is skipped: the pool starts on the
 * head.
 */
public final class MpoolHeadChanges {
  private static final System.Logger LOG = System.getLogger(MpoolHeadChanges.class.getName());

  private MpoolHeadChanges() {}

  /** Subscribes {@code pool} to {@code chain}; the returned action unsubscribes. */
  public static Runnable wire(ChainStore chain, MessagePool pool) {
    return chain.subscribe(changes -> apply(pool, changes));
  }

  static void apply(MessagePool pool, List<HeadChange> changes) {
    List<TipSet> revert = new ArrayList<>();
    List<TipSet> apply = new ArrayList<>();
    for (HeadChange c : changes) {
      switch (c.type()) {
        case REVERT -> revert.add(c.tipSet());
        case APPLY -> apply.add(c.tipSet());
        case CURRENT -> {}
      }
    }
    if (revert.isEmpty() && apply.isEmpty()) {
      return;
    }
    try {
      pool.headChange(revert, apply);
    } catch (MpoolException e) {
      // As Lotus: a failed update is logged; the chain keeps going and the next change catches up.
      LOG.log(Level.ERROR, "mpool head change: " + e.getMessage());
    }
  }
}
