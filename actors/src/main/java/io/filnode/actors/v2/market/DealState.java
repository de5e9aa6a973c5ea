package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * The on-chain progress of an activated deal (v0 {@code market.DealState}); each epoch is -1 when
 * the event has not happened.
 */
public record DealState(long sectorStartEpoch, long lastUpdatedEpoch, long slashEpoch)
    implements CborEncodable {

  public DealState withLastUpdatedEpoch(long epoch) {
    return new DealState(sectorStartEpoch, epoch, slashEpoch);
  }

  public DealState withSlashEpoch(long epoch) {
    return new DealState(sectorStartEpoch, lastUpdatedEpoch, epoch);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeInt64(sectorStartEpoch);
    w.writeInt64(lastUpdatedEpoch);
    w.writeInt64(slashEpoch);
  }

  public static DealState decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "DealState");
    return new DealState(r.readInt64(), r.readInt64(), r.readInt64());
  }
}
