package io.filnode.actors.v2.account;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** The account actor's state: the tuple {@code [Address]} holding its public-key address. */
public record AccountState(Address address) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    address.encode(w);
  }

  public static AccountState decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "account actor state");
    return new AccountState(Address.decode(r));
  }
}
