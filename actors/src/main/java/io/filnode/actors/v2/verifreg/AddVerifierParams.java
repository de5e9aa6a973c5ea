package io.filnode.actors.v2.verifreg;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/** Parameters of the verified registry's AddVerifier: an address and its DataCap in bytes. */
public record AddVerifierParams(Address address, BigInteger allowance) implements CborEncodable {

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    address.encode(w);
    w.writeBigInt(allowance);
  }

  public static AddVerifierParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "AddVerifierParams");
    return new AddVerifierParams(Address.decode(r), r.readBigInt());
  }
}
