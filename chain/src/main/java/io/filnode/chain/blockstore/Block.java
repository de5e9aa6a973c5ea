package io.filnode.chain.blockstore;

import io.filnode.chain.cid.Cid;

/** A block: a CID and the bytes it names. */
public record Block(Cid cid, byte[] data) {
  /** A DAG-CBOR block hashed with blake2b-256. */
  public static Block ofDagCbor(byte[] data) {
    return new Block(Cid.ofDagCbor(data), data);
  }
}
