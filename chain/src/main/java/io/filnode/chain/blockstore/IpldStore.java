package io.filnode.chain.blockstore;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;

/** Typed access to DAG-CBOR blocks in a {@link Blockstore}, as go-ipld-cbor's {@code IpldStore}. */
public final class IpldStore {
  private final Blockstore blocks;

  public IpldStore(Blockstore blocks) {
    this.blocks = blocks;
  }

  public Blockstore blockstore() {
    return blocks;
  }

  /** Encodes {@code value}, stores it and returns its CID. */
  public Cid put(CborEncodable value) {
    byte[] data = value.toCbor();
    Cid cid = Cid.ofDagCbor(data);
    blocks.put(cid, data);
    return cid;
  }

  /**
   * Loads and decodes the block {@code cid}.
   *
   * @throws CborException when the block is missing or does not decode as {@code what}
   */
  public <T> T get(Cid cid, String what, CborReader.Decoder<T> decoder) throws CborException {
    byte[] data = blocks.get(cid);
    if (data == null) {
      throw new CborException("block " + cid + " (" + what + ") is not in the store", -1);
    }
    return CborReader.decodeWhole(data, what + " " + cid, decoder);
  }
}
