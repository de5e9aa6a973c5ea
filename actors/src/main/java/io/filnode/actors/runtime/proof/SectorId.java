package io.filnode.actors.runtime.proof;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** abi.SectorID: the miner's actor ID and the sector number, a tuple. */
public record SectorId(long miner, long number) {
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(miner);
    w.writeUint64(number);
  }

  public static SectorId decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "SectorID");
    return new SectorId(r.readUint64(), r.readUint64());
  }
}
