package io.filnode.actors.v2.verifreg;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/** Parameters of the verified registry's UseBytes: a verified client and a deal size in bytes. */
public record UseBytesParams(Address address, BigInteger dealSize) implements CborEncodable {

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    address.encode(w);
    w.writeBigInt(dealSize);
  }

  public static UseBytesParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "UseBytesParams");
    return new UseBytesParams(Address.decode(r), r.readBigInt());
  }
}
