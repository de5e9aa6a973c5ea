package io.filnode.vm.stmgr;

import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStore.TipSetMessage;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.UnsignedMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a message was executed, as Lotus v1.10.0's {@code SearchForMessage}: first in the
 * given tipset, then backwards through its ancestors, skipping tipsets by the sender's nonce in
 * each parent state ({@code searchBackForMsg}) so that only the tipsets whose execution moved the
 * nonce past the message's are opened. Reads stored state only; nothing is executed.
 *
 * <p>One deliberate difference from v1.10.0: without {@code allowReplaced}, the exact message is
 * still found (v1.10.0 reports an error even then, which later Lotus fixed); a different message
 * with the sender's nonce is found only with {@code allowReplaced} and when it makes the same call
 * (Lotus's {@code EqualCall}: equal but for the gas fields), and is otherwise an error.
 */
public final class MessageSearch {
  /** A lookback limit meaning "back to genesis" (Lotus's {@code LookbackNoLimit}). */
  public static final long LOOKBACK_NO_LIMIT = -1;

  private final ChainStore chain;
  private final IpldStore ipld;

  public MessageSearch(ChainStore chain) {
    this.chain = chain;
    this.ipld = new IpldStore(chain.blockstore());
  }

  /** The message stored under {@code cid} (the unsigned message of a signed one). */
  public UnsignedMessage message(Cid cid) throws StateManagerException {
    try {
      return chain.getMessage(cid);
    } catch (ChainStoreException e) {
      throw new StateManagerException("failed to load message: " + e.getMessage(), e);
    }
  }

  /**
   * Where {@code msgCid} was executed: in {@code head} itself, or up to {@code limit} epochs back
   * from it ({@link #LOOKBACK_NO_LIMIT}: all the way). Empty when it was not.
   */
  public Optional<MsgLookup> search(TipSet head, Cid msgCid, long limit, boolean allowReplaced)
      throws StateManagerException {
    UnsignedMessage msg = message(msgCid);
    Optional<MsgLookup> found = executedIn(head, msgCid, msg, allowReplaced);
    if (found.isPresent()) {
      return found;
    }
    return searchBack(head, msgCid, msg, limit, allowReplaced);
  }

  /**
   * Lotus's {@code searchBackForMsg}: walks from {@code from} towards genesis while the sender's
   * nonce in the parent state is still above the message's, and looks into the tipsets whose
   * execution took the nonce past it.
   */
  public Optional<MsgLookup> searchBack(
      TipSet from, Cid msgCid, UnsignedMessage msg, long limit, boolean allowReplaced)
      throws StateManagerException {
    long limitHeight = from.height() - limit;
    boolean noLimit = limit == LOOKBACK_NO_LIMIT;
    StateTree fromState = parentState(from);
    Actor curActor = actor(fromState, msg.from());
    if (curActor == null) {
      throw new StateManagerException("failed to load initial tipset: actor not found");
    }
    Address fromId = lookupId(fromState, msg.from());
    long nonce = msg.nonce();
    TipSet cur = from;
    while (true) {
      if (cur.height() == 0 || (!noLimit && cur.height() <= limitHeight)) {
        return Optional.empty();
      }
      // unsigned comparisons: nonces are uint64
      if (curActor == null
          || curActor.nonce() == 0
          || Long.compareUnsigned(curActor.nonce(), nonce) < 0) {
        return Optional.empty();
      }
      TipSet parent = loadTipSet(cur);
      Actor act = actor(parentState(parent), fromId);
      if (act == null
          || (Long.compareUnsigned(curActor.nonce(), nonce) > 0
              && Long.compareUnsigned(act.nonce(), nonce) <= 0)) {
        Optional<MsgLookup> found = executedIn(cur, msgCid, msg, allowReplaced);
        if (found.isPresent()) {
          return found;
        }
      }
      cur = parent;
      curActor = act;
    }
  }

  /**
   * Lotus's {@code tipsetExecutedMessage}: whether the messages of {@code ts}'s parent (executed in
   * {@code ts}) include {@code msg}, with its receipt from {@code ts}'s first block.
   */
  public Optional<MsgLookup> executedIn(
      TipSet ts, Cid msgCid, UnsignedMessage msg, boolean allowReplaced)
      throws StateManagerException {
    if (ts.height() == 0) {
      return Optional.empty(); // the genesis executed no messages
    }
    List<TipSetMessage> applied;
    try {
      applied = chain.messagesForTipSet(loadTipSet(ts));
    } catch (ChainStoreException e) {
      throw new StateManagerException(e.getMessage(), e);
    }
    // newest first: the sender's nonces fall as we go
    for (int i = applied.size() - 1; i >= 0; i--) {
      TipSetMessage m = applied.get(i);
      UnsignedMessage vm = m.message();
      if (!vm.from().equals(msg.from())) {
        continue;
      }
      if (vm.nonce() == msg.nonce()) {
        if (m.cid().equals(msgCid) || (allowReplaced && equalCall(vm, msg))) {
          return Optional.of(new MsgLookup(m.cid(), receipt(ts, i), ts));
        }
        throw new StateManagerException(
            "found message with equal nonce as the one we are looking for (F:"
                + msgCid
                + " n "
                + Long.toUnsignedString(msg.nonce())
                + ", TS: "
                + m.cid()
                + " n"
                + Long.toUnsignedString(vm.nonce())
                + ")");
      }
      if (Long.compareUnsigned(vm.nonce(), msg.nonce()) < 0) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Lotus's {@code Message.EqualCall}: the same message but for the gas limit, fee cap, premium.
   */
  public static boolean equalCall(UnsignedMessage a, UnsignedMessage b) {
    return a.version() == b.version()
        && a.to().equals(b.to())
        && a.from().equals(b.from())
        && a.nonce() == b.nonce()
        && a.value().equals(b.value())
        && a.method() == b.method()
        && Arrays.equals(a.params(), b.params());
  }

  /** Lotus's {@code GetParentReceipt}: receipt {@code i} of the first block of {@code ts}. */
  private MessageReceipt receipt(TipSet ts, int i) throws StateManagerException {
    Cid root = ts.blocks().get(0).parentMessageReceipts();
    try {
      MessageReceipt r = Amt.load(ipld, root, AmtOptions.v2()).get(i, MessageReceipt::decode);
      if (r == null) {
        throw new StateManagerException("failed to find receipt " + i);
      }
      return r;
    } catch (CborException e) {
      throw new StateManagerException("amt load: " + e.getMessage(), e);
    }
  }

  private TipSet loadTipSet(TipSet child) throws StateManagerException {
    try {
      return chain.loadTipSet(child.parents());
    } catch (ChainStoreException e) {
      throw new StateManagerException(
          "failed to load tipset during msg wait searchback: " + e.getMessage(), e);
    }
  }

  private StateTree parentState(TipSet ts) throws StateManagerException {
    try {
      return StateTree.load(ipld, ts.parentStateRoot());
    } catch (CborException e) {
      throw new StateManagerException("load state tree: " + e.getMessage(), e);
    }
  }

  private static Actor actor(StateTree tree, Address a) throws StateManagerException {
    try {
      return tree.getActor(a);
    } catch (CborException e) {
      throw new StateManagerException("failed to load the actor: " + e.getMessage(), e);
    }
  }

  private static Address lookupId(StateTree tree, Address a) throws StateManagerException {
    try {
      return tree.lookupId(a)
          .orElseThrow(
              () ->
                  new StateManagerException(
                      "looking up From id address: resolution lookup failed (" + a + ")"));
    } catch (CborException e) {
      throw new StateManagerException("looking up From id address: " + e.getMessage(), e);
    }
  }
}
