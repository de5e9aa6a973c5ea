package io.filnode.chain.amt;

import io.filnode.chain.cid.Cid;

/** A child of an interior node: its CID once written, its node once loaded or built. */
final class AmtLink {
  Cid cid;
  AmtNode cached;
  boolean dirty;

  AmtLink(Cid cid, AmtNode cached, boolean dirty) {
    this.cid = cid;
    this.cached = cached;
    this.dirty = dirty;
  }
}
