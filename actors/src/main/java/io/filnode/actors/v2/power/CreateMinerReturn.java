package io.filnode.actors.v2.power;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** power.CreateMinerReturn: the new miner's ID address and robust address, a tuple of 2. */
public record CreateMinerReturn(Address idAddress, Address robustAddress) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    idAddress.encode(w);
    robustAddress.encode(w);
  }

  public static CreateMinerReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "CreateMinerReturn");
    return new CreateMinerReturn(Address.decode(r), Address.decode(r));
  }
}
