package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** ExtendSectorExpiration parameters, a tuple of one list. */
public record ExtendSectorExpirationParams(List<ExpirationExtension> extensions)
    implements CborEncodable {
  public ExtendSectorExpirationParams {
    extensions = List.copyOf(extensions);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(extensions.size());
    for (ExpirationExtension d : extensions) {
      d.encode(w);
    }
  }

  public static ExtendSectorExpirationParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "ExtendSectorExpirationParams");
    int n = r.readArrayHeader();
    List<ExpirationExtension> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(ExpirationExtension.decode(r));
    }
    return new ExtendSectorExpirationParams(items);
  }
}
