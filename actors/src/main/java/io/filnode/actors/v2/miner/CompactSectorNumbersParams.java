package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** CompactSectorNumbers parameters, a tuple. */
public record CompactSectorNumbersParams(BitField maskSectorNumbers) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    BitFields.encode(w, maskSectorNumbers);
  }

  public static CompactSectorNumbersParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "CompactSectorNumbersParams");
    return new CompactSectorNumbersParams(BitFields.decode(r));
  }
}
