package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.List;

/** market.ActivateDealsParams: the deals of a sector being proven and its expiry, a tuple. */
public record ActivateDealsParams(List<Long> dealIds, long sectorExpiry) implements CborEncodable {
  public ActivateDealsParams {
    dealIds = List.copyOf(dealIds);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    DealIds.write(w, dealIds);
    w.writeInt64(sectorExpiry);
  }

  public static ActivateDealsParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ActivateDealsParams");
    return new ActivateDealsParams(DealIds.read(r), r.readInt64());
  }
}
