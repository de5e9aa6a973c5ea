package io.filnode.actors.v2.power;

import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

/**
 * power.CurrentTotalPowerReturn in its v2 form (the smoothed estimate is not a pointer): the
 * network's power and pledge as frozen at the last cron tick, a tuple of 4.
 */
public record CurrentTotalPowerReturn(
    BigInteger rawBytePower,
    BigInteger qualityAdjPower,
    TokenAmount pledgeCollateral,
    FilterEstimate qualityAdjPowerSmoothed)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(4);
    w.writeBigInt(rawBytePower);
    w.writeBigInt(qualityAdjPower);
    pledgeCollateral.encode(w);
    qualityAdjPowerSmoothed.encode(w);
  }

  public static CurrentTotalPowerReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "CurrentTotalPowerReturn");
    return new CurrentTotalPowerReturn(
        r.readBigInt(), r.readBigInt(), TokenAmount.decode(r), FilterEstimate.decode(r));
  }
}
