package io.filnode.actors.v2.init;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** init.ExecReturn: the new actor's ID address and its robust (actor) address, a tuple of 2. */
public record ExecReturn(Address idAddress, Address robustAddress) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    idAddress.encode(w);
    robustAddress.encode(w);
  }

  public static ExecReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ExecReturn");
    return new ExecReturn(Address.decode(r), Address.decode(r));
  }
}
