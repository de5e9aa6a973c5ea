package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** The CBOR of a {@code []abi.DealID} field: an array of at most 8192 uint64s, as cbor-gen. */
final class DealIds {
  private DealIds() {}

  static void encode(CborWriter w, List<Long> ids) {
    w.writeArrayHeader(ids.size());
    for (long id : ids) {
      w.writeUint64(id);
    }
  }

  static List<Long> decode(CborReader r) throws CborException {
    int n = r.readArrayHeader(CborReader.MAX_LENGTH);
    List<Long> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(r.readUint64());
    }
    return List.copyOf(ids);
  }
}
