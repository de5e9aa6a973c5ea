package io.filnode.chain.cbor;

import io.filnode.chain.cid.Cid;

/** A value with a canonical DAG-CBOR encoding; its CID is blake2b-256 over those bytes. */
public interface CborEncodable {
  void encode(CborWriter w);

  /** The canonical DAG-CBOR bytes. */
  default byte[] toCbor() {
    CborWriter w = new CborWriter();
    encode(w);
    return w.toByteArray();
  }

  /** The CID of the DAG-CBOR block (blake2b-256), as Lotus computes {@code Cid()}. */
  default Cid cid() {
    return Cid.ofDagCbor(toCbor());
  }
}
