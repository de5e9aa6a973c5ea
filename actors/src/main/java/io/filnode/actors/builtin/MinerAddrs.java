package io.filnode.actors.builtin;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * specs-actors' {@code builtin.MinerAddrs}: what a miner's ControlAddresses method returns, as
 * other actors decode it (Go duplicates the miner's type to avoid an import cycle).
 */
public record MinerAddrs(Address owner, Address worker, List<Address> controlAddrs)
    implements CborEncodable {
  public MinerAddrs {
    controlAddrs = List.copyOf(controlAddrs);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    owner.encode(w);
    worker.encode(w);
    w.writeArrayHeader(controlAddrs.size());
    for (Address a : controlAddrs) {
      a.encode(w);
    }
  }

  public static MinerAddrs decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "MinerAddrs");
    Address owner = Address.decode(r);
    Address worker = Address.decode(r);
    int n = r.readArrayHeader(CborReader.MAX_LENGTH);
    List<Address> control = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      control.add(Address.decode(r));
    }
    return new MinerAddrs(owner, worker, control);
  }
}
