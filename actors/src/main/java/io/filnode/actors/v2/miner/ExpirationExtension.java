package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** Sectors of one partition to extend to a new expiration, a tuple. */
public record ExpirationExtension(
    long deadline, long partition, BitField sectors, long newExpiration) {
  void encode(CborWriter w) {
    w.writeArrayHeader(4);
    w.writeUint64(deadline);
    w.writeUint64(partition);
    BitFields.encode(w, sectors);
    w.writeInt64(newExpiration);
  }

  static ExpirationExtension decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "ExpirationExtension");
    return new ExpirationExtension(
        r.readUint64(), r.readUint64(), BitFields.decode(r), r.readInt64());
  }
}
