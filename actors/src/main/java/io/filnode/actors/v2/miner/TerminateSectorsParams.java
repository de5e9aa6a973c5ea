package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** TerminateSectors parameters, a tuple of one list. */
public record TerminateSectorsParams(List<TerminationDeclaration> terminations)
    implements CborEncodable {
  public TerminateSectorsParams {
    terminations = List.copyOf(terminations);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(terminations.size());
    for (TerminationDeclaration d : terminations) {
      d.encode(w);
    }
  }

  public static TerminateSectorsParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "TerminateSectorsParams");
    int n = r.readArrayHeader();
    List<TerminationDeclaration> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(TerminationDeclaration.decode(r));
    }
    return new TerminateSectorsParams(items);
  }
}
