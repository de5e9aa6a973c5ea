package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** DeclareFaultsRecovered parameters, a tuple of one list. */
public record DeclareFaultsRecoveredParams(List<RecoveryDeclaration> recoveries)
    implements CborEncodable {
  public DeclareFaultsRecoveredParams {
    recoveries = List.copyOf(recoveries);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(recoveries.size());
    for (RecoveryDeclaration d : recoveries) {
      d.encode(w);
    }
  }

  public static DeclareFaultsRecoveredParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "DeclareFaultsRecoveredParams");
    int n = r.readArrayHeader();
    List<RecoveryDeclaration> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(RecoveryDeclaration.decode(r));
    }
    return new DeclareFaultsRecoveredParams(items);
  }
}
