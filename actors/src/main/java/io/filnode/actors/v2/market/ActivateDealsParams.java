package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.List;

/** Parameters of ActivateDeals, which a miner calls when it proves a sector. */
public record ActivateDealsParams(List<Long> dealIds, long sectorExpiry) implements CborEncodable {
  public ActivateDealsParams {
    dealIds = List.copyOf(dealIds);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    DealIds.encode(w, dealIds);
    w.writeInt64(sectorExpiry);
  }

  public static ActivateDealsParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ActivateDealsParams");
    return new ActivateDealsParams(DealIds.decode(r), r.readInt64());
  }
}
