package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** Sectors of one partition declared faulty, a tuple. */
public record FaultDeclaration(long deadline, long partition, BitField sectors) {
  void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeUint64(deadline);
    w.writeUint64(partition);
    BitFields.encode(w, sectors);
  }

  static FaultDeclaration decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "FaultDeclaration");
    return new FaultDeclaration(r.readUint64(), r.readUint64(), BitFields.decode(r));
  }
}
