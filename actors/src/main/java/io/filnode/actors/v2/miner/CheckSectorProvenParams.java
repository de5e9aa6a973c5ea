package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** CheckSectorProven parameters, a tuple. */
public record CheckSectorProvenParams(long sectorNumber) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeUint64(sectorNumber);
  }

  public static CheckSectorProvenParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "CheckSectorProvenParams");
    return new CheckSectorProvenParams(r.readUint64());
  }
}
