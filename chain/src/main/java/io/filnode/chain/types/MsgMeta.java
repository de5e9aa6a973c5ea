package io.filnode.chain.types;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;

/** The roots of a block's two message AMTs (BLS and secp256k1); the header's Messages CID. */
public record MsgMeta(Cid blsMessages, Cid secpkMessages) implements CborEncodable {
  public MsgMeta {
    if (blsMessages == null || secpkMessages == null) {
      throw new IllegalArgumentException("MsgMeta needs both roots");
    }
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeCid(blsMessages);
    w.writeCid(secpkMessages);
  }

  public static MsgMeta decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "MsgMeta");
    return new MsgMeta(r.readCid(), r.readCid());
  }

  public static MsgMeta fromCbor(byte[] bytes) throws CborException {
    return CborReader.decodeWhole(bytes, "MsgMeta", MsgMeta::decode);
  }
}
