package io.filnode.vm.stmgr;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.HeadChange;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.UnsignedMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lotus v1.10.0's {@code WaitForMessage}: returns where a message was executed once {@code
 * confidence} tipsets have been applied on top of that tipset without it being reverted, looking
 * back through the chain first and then following head changes.
 *
 * <p>As Lotus: a message executed by the current head itself is returned at once, whatever the
 * confidence. Lotus runs the look-back concurrently with the head-change loop; here it runs first
 * while head changes queue up, and those are then processed in order, so a look-back result that a
 * queued revert undoes is dropped as in Lotus.
 */
public final class MessageWaiter {
  private static final System.Logger LOG = System.getLogger(MessageWaiter.class.getName());
  private static final long POLL_MILLIS = 500;

  private final ChainStore chain;
  private final MessageSearch search;

  public MessageWaiter(ChainStore chain, MessageSearch search) {
    this.chain = chain;
    this.search = search;
  }

  /**
   * Waits for {@code msgCid}; {@code cancelled} is polled while waiting.
   *
   * @throws StateManagerException when the message is unknown, a search fails, or the wait is
   *     cancelled
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public MsgLookup waitFor(
      Cid msgCid, long confidence, long limit, boolean allowReplaced, BooleanSupplier cancelled)
      throws StateManagerException, InterruptedException {
    UnsignedMessage msg = search.message(msgCid);
    BlockingQueue<List<HeadChange>> changes = new LinkedBlockingQueue<>();
    Runnable unsubscribe = chain.subscribe(changes::add);
    try {
      List<HeadChange> first = changes.poll();
      if (first == null || first.size() != 1 || first.get(0).type() != HeadChange.Type.CURRENT) {
        throw new StateManagerException("expected the current head first on the head changes");
      }
      TipSet head = first.get(0).tipSet();
      Optional<MsgLookup> now = search.executedIn(head, msgCid, msg, allowReplaced);
      if (now.isPresent()) {
        return now.get();
      }
      MsgLookup candidate = lookBack(head, msgCid, msg, limit, allowReplaced);
      if (candidate != null && head.height() >= candidate.height() + confidence) {
        return candidate;
      }
      while (true) {
        if (cancelled.getAsBoolean()) {
          throw new StateManagerException("waiting for message " + msgCid + ": cancelled");
        }
        List<HeadChange> batch = changes.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (batch == null) {
          continue;
        }
        for (HeadChange c : batch) {
          TipSet ts = c.tipSet();
          if (c.type() == HeadChange.Type.REVERT) {
            if (candidate != null && ts.equals(candidate.tipSet())) {
              candidate = null;
            }
          } else if (c.type() == HeadChange.Type.APPLY) {
            if (candidate != null && ts.height() >= candidate.height() + confidence) {
              return candidate;
            }
            Optional<MsgLookup> found = search.executedIn(ts, msgCid, msg, allowReplaced);
            if (found.isPresent()) {
              if (confidence == 0) {
                return found.get();
              }
              candidate = found.get();
            }
          }
        }
      }
    } finally {
      unsubscribe.run();
    }
  }

  /** The look-back result, or null; as Lotus, a failed look-back only means waiting on. */
  private MsgLookup lookBack(
      TipSet head, Cid msgCid, UnsignedMessage msg, long limit, boolean allowReplaced) {
    try {
      return search.searchBack(head, msgCid, msg, limit, allowReplaced).orElse(null);
    } catch (StateManagerException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "failed to look back through chain for message " + msgCid + ": " + e.getMessage());
      return null;
    }
  }
}
