package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** ProveCommitSector parameters, a tuple. The proof is not copied. */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record ProveCommitSectorParams(long sectorNumber, byte[] proof) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(sectorNumber);
    w.writeBytes(proof);
  }

  public static ProveCommitSectorParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ProveCommitSectorParams");
    return new ProveCommitSectorParams(r.readUint64(), r.readBytes());
  }
}
