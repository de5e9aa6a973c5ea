package io.filnode.actors.runtime.proof;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;

/** proof.SectorInfo: a sector challenged by a PoSt (seal proof type, number, CommR), a tuple. */
public record SectorInfo(long sealProof, long sectorNumber, Cid sealedCid) {
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeInt64(sealProof);
    w.writeUint64(sectorNumber);
    w.writeCid(sealedCid);
  }

  public static SectorInfo decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "SectorInfo");
    return new SectorInfo(r.readInt64(), r.readUint64(), r.readCid());
  }
}
