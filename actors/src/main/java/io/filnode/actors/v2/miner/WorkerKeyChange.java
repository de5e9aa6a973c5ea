package io.filnode.actors.v2.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** A pending change of worker key, effective at an epoch; a tuple. */
public record WorkerKeyChange(Address newWorker, long effectiveAt) {
  void encode(CborWriter w) {
    w.writeArrayHeader(2);
    newWorker.encode(w);
    w.writeInt64(effectiveAt);
  }

  static WorkerKeyChange decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "WorkerKeyChange");
    return new WorkerKeyChange(Address.decode(r), r.readInt64());
  }
}
