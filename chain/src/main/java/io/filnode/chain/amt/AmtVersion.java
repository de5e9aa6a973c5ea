package io.filnode.chain.amt;

/** Which go-amt-ipld an AMT follows; the two differ in format and in some rules. */
public enum AmtVersion {
  /**
   * go-amt-ipld v2: root {@code [height, count, node]}, bit width fixed at 3, indexes below 2^63,
   * height at most 20; a delete lowers the height only while the root's sole child is its first.
   * Used by specs-actors v0/v2 and for the message and receipt lists of blocks.
   */
  V2,
  /**
   * go-amt-ipld v3: root {@code [bitWidth, height, count, node]}, bit width per use, indexes up to
   * 2^64−2, strict node checks, and deletes collapse the tree to its canonical height. Used by
   * specs-actors v3 and v4.
   */
  V3
}
