package io.filnode.vm.stmgr;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.TipSet;

/**
 * Where a message was executed (Lotus's {@code api.MsgLookup} before JSON): the CID of the message
 * found on chain (a replacement's CID when one was accepted), its receipt, and the tipset whose
 * parent state includes its effects, that is the tipset after the one that carried it.
 */
public record MsgLookup(Cid message, MessageReceipt receipt, TipSet tipSet) {
  /** The height of {@link #tipSet()}. */
  public long height() {
    return tipSet.height();
  }
}
