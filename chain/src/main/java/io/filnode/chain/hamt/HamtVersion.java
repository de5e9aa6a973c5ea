package io.filnode.chain.hamt;

/**
 * The serialized form of a HAMT's pointers. The tree algorithm is the same in both; only the
 * encoding of each pointer differs, so the same contents give different root CIDs.
 */
public enum HamtVersion {
  /**
   * go-hamt-ipld v2.0.0 (and v0.1.x): a pointer is a one-entry map, {@code {"0": link}} or {@code
   * {"1": [kv…]}}. Used by specs-actors v0/v2 and state trees of version 0 and 1.
   */
  V2,
  /**
   * go-hamt-ipld v3: a pointer is a kinded union, a bare link or a bare array of KVs. Used by
   * specs-actors v3 and later and state trees of version 2 and later (network version 10+).
   */
  V3
}
