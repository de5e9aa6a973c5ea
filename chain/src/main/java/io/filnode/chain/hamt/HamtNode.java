package io.filnode.chain.hamt;

import java.util.ArrayList;
import java.util.List;

/** A HAMT node in memory: the bitfield of occupied slots and one pointer per set bit, in order. */
final class HamtNode {
  /** go-hamt-ipld's arrayWidth: at most this many entries share a bucket before it splits. */
  static final int BUCKET_SIZE = 3;

  final Bitfield bitfield;
  final List<Pointer> pointers;

  HamtNode(Bitfield bitfield, List<Pointer> pointers) {
    this.bitfield = bitfield;
    this.pointers = pointers;
  }

  static HamtNode empty(int bitWidth) {
    return new HamtNode(Bitfield.empty(1 << bitWidth), new ArrayList<>());
  }

  /** Number of pointers that are links to child nodes. */
  int childCount() {
    int count = 0;
    for (Pointer p : pointers) {
      if (p.isShard()) {
        count++;
      }
    }
    return count;
  }

  /** Number of entries held directly in this node's buckets. */
  int kvCount() {
    int count = 0;
    for (Pointer p : pointers) {
      if (!p.isShard()) {
        count += p.kvs.size();
      }
    }
    return count;
  }
}
