package io.filnode.actors.v2.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** ChangeWorkerAddress parameters: the new worker and control addresses, a tuple. */
public record ChangeWorkerAddressParams(Address newWorker, List<Address> newControlAddrs)
    implements CborEncodable {
  public ChangeWorkerAddressParams {
    newControlAddrs = List.copyOf(newControlAddrs);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    newWorker.encode(w);
    w.writeArrayHeader(newControlAddrs.size());
    for (Address a : newControlAddrs) {
      a.encode(w);
    }
  }

  public static ChangeWorkerAddressParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ChangeWorkerAddressParams");
    Address worker = Address.decode(r);
    int n = r.readArrayHeader();
    List<Address> ctrl = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ctrl.add(Address.decode(r));
    }
    return new ChangeWorkerAddressParams(worker, ctrl);
  }
}
