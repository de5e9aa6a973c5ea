package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.List;

/** Parameters of VerifyDealsForActivation, which a miner calls at pre-commit. */
public record VerifyDealsForActivationParams(
    List<Long> dealIds, long sectorExpiry, long sectorStart) implements CborEncodable {
  public VerifyDealsForActivationParams {
    dealIds = List.copyOf(dealIds);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    DealIds.encode(w, dealIds);
    w.writeInt64(sectorExpiry);
    w.writeInt64(sectorStart);
  }

  public static VerifyDealsForActivationParams decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "VerifyDealsForActivationParams");
    return new VerifyDealsForActivationParams(DealIds.decode(r), r.readInt64(), r.readInt64());
  }
}
