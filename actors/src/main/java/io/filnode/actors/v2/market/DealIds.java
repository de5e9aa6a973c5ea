package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** A CBOR list of deal IDs (uint64), at most 8192 long as cbor-gen reads it. */
final class DealIds {
  private DealIds() {}

  static void write(CborWriter w, List<Long> ids) {
    w.writeArrayHeader(ids.size());
    for (long id : ids) {
      w.writeUint64(id);
    }
  }

  static List<Long> read(CborReader r) throws CborException {
    int n = r.readArrayHeader();
    List<Long> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(r.readUint64());
    }
    return ids;
  }
}
