package io.filnode.actors.v2.paych;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** Parameters of the payment channel constructor: the payer and the payee. */
public record ConstructorParams(Address from, Address to) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    from.encode(w);
    to.encode(w);
  }

  public static ConstructorParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "paych ConstructorParams");
    return new ConstructorParams(Address.decode(r), Address.decode(r));
  }
}
