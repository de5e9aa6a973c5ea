package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** DeclareFaults parameters, a tuple of one list. */
public record DeclareFaultsParams(List<FaultDeclaration> faults) implements CborEncodable {
  public DeclareFaultsParams {
    faults = List.copyOf(faults);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(faults.size());
    for (FaultDeclaration d : faults) {
      d.encode(w);
    }
  }

  public static DeclareFaultsParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "DeclareFaultsParams");
    int n = r.readArrayHeader();
    List<FaultDeclaration> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(FaultDeclaration.decode(r));
    }
    return new DeclareFaultsParams(items);
  }
}
