package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.List;

/**
 * Parameters of ComputeDataCommitment: the deals of a sector and its seal proof type (an int64).
 * The method returns the unsealed sector CID as a bare CBOR CID (cbor-gen's {@code CborCid}).
 */
public record ComputeDataCommitmentParams(List<Long> dealIds, long sectorType)
    implements CborEncodable {
  public ComputeDataCommitmentParams {
    dealIds = List.copyOf(dealIds);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    DealIds.encode(w, dealIds);
    w.writeInt64(sectorType);
  }

  public static ComputeDataCommitmentParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ComputeDataCommitmentParams");
    return new ComputeDataCommitmentParams(DealIds.decode(r), r.readInt64());
  }
}
