package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** Parameters of PublishStorageDeals: the signed proposals, all from one provider. */
public record PublishStorageDealsParams(List<ClientDealProposal> deals) implements CborEncodable {
  public PublishStorageDealsParams {
    deals = List.copyOf(deals);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(deals.size());
    for (ClientDealProposal d : deals) {
      d.encode(w);
    }
  }

  public static PublishStorageDealsParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "PublishStorageDealsParams");
    int n = r.readArrayHeader(CborReader.MAX_LENGTH);
    List<ClientDealProposal> deals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      deals.add(ClientDealProposal.decode(r));
    }
    return new PublishStorageDealsParams(deals);
  }
}
