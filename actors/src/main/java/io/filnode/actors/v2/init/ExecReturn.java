package io.filnode.actors.v2.init;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * What the init actor's Exec returns: the tuple {@code [IDAddress, RobustAddress]}, the new actor's
 * ID address and the re-org-stable actor address it is also known by.
 */
public record ExecReturn(Address idAddress, Address robustAddress) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    idAddress.encode(w);
    robustAddress.encode(w);
  }

  public static ExecReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "init exec return");
    Address id = Address.decode(r);
    return new ExecReturn(id, Address.decode(r));
  }
}
