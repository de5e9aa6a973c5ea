package io.filnode.actors.chaos;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * What ResolveAddress returns: the tuple {@code [Address, Success]}; a failed resolution gives
 * address {@code f00} and false.
 */
public record ResolveAddressResponse(Address address, boolean success) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    address.encode(w);
    w.writeBool(success);
  }

  public static ResolveAddressResponse decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "chaos resolve address response");
    Address a = Address.decode(r);
    return new ResolveAddressResponse(a, r.readBool());
  }
}
