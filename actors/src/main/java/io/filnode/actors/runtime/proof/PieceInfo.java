package io.filnode.actors.runtime.proof;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;

/** abi.PieceInfo: a piece's padded size and commitment (CommP), a tuple. */
public record PieceInfo(long size, Cid pieceCid) {
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(size);
    w.writeCid(pieceCid);
  }

  public static PieceInfo decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "PieceInfo");
    return new PieceInfo(r.readUint64(), r.readCid());
  }
}
