package io.filnode.actors.v2.power;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/**
 * power.UpdateClaimedPowerParams: the change of a miner's raw and quality-adjusted power (either
 * may be negative), a tuple of 2.
 */
public record UpdateClaimedPowerParams(BigInteger rawByteDelta, BigInteger qualityAdjustedDelta)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeBigInt(rawByteDelta);
    w.writeBigInt(qualityAdjustedDelta);
  }

  public static UpdateClaimedPowerParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "UpdateClaimedPowerParams");
    return new UpdateClaimedPowerParams(r.readBigInt(), r.readBigInt());
  }
}
