package io.filnode.actors.builtin;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * builtin.ConfirmSectorProofsParams: the sector numbers whose PoRep the power actor's batch
 * verification accepted, sent to the miner's ConfirmSectorProofsValid; a tuple of 1.
 */
public record ConfirmSectorProofsParams(List<Long> sectors) implements CborEncodable {
  public ConfirmSectorProofsParams {
    sectors = List.copyOf(sectors);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(sectors.size());
    for (long s : sectors) {
      w.writeUint64(s);
    }
  }

  public static ConfirmSectorProofsParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "ConfirmSectorProofsParams");
    int n = r.readArrayHeader();
    List<Long> sectors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sectors.add(r.readUint64());
    }
    return new ConfirmSectorProofsParams(sectors);
  }
}
