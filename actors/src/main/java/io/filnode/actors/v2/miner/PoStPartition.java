package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** A partition proven by a Window PoSt and the sectors it skipped, a tuple. */
public record PoStPartition(long index, BitField skipped) {
  void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(index);
    BitFields.encode(w, skipped);
  }

  static PoStPartition decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "PoStPartition");
    return new PoStPartition(r.readUint64(), BitFields.decode(r));
  }
}
