package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.List;

/** What PublishStorageDeals returns: the new deal IDs, in the order of the proposals. */
public record PublishStorageDealsReturn(List<Long> ids) implements CborEncodable {
  public PublishStorageDealsReturn {
    ids = List.copyOf(ids);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    DealIds.encode(w, ids);
  }

  public static PublishStorageDealsReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "PublishStorageDealsReturn");
    return new PublishStorageDealsReturn(DealIds.decode(r));
  }
}
