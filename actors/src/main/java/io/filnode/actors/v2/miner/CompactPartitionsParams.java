package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** CompactPartitions parameters, a tuple. */
public record CompactPartitionsParams(long deadline, BitField partitions) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(deadline);
    BitFields.encode(w, partitions);
  }

  public static CompactPartitionsParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "CompactPartitionsParams");
    return new CompactPartitionsParams(r.readUint64(), BitFields.decode(r));
  }
}
