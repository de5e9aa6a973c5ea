package io.filnode.chain.hamt;

import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;

/**
 * One occupied slot of a HAMT node: either a bucket of 1–3 entries sorted by key, or a child node
 * (a link, a loaded or new node in {@link #cache}, or both). {@link #dirty} marks a child whose
 * cached form differs from what {@link #link} names, so flush must write it.
 */
final class Pointer {
  Cid link;
  HamtNode cache;
  boolean dirty;
  final List<Kv> kvs;

  private Pointer(Cid link, HamtNode cache, boolean dirty, List<Kv> kvs) {
    this.link = link;
    this.cache = cache;
    this.dirty = dirty;
    this.kvs = kvs;
  }

  static Pointer link(Cid link) {
    return new Pointer(link, null, false, null);
  }

  /** A child built in memory, not yet written. */
  static Pointer newChild(HamtNode node) {
    return new Pointer(null, node, true, null);
  }

  static Pointer bucket(List<Kv> kvs) {
    return new Pointer(null, null, false, kvs);
  }

  static Pointer singleton(Kv kv) {
    List<Kv> kvs = new ArrayList<>(HamtNode.BUCKET_SIZE);
    kvs.add(kv);
    return bucket(kvs);
  }

  boolean isShard() {
    return cache != null || link != null;
  }
}
