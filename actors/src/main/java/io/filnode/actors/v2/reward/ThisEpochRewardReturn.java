package io.filnode.actors.v2.reward;

import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/**
 * reward.ThisEpochRewardReturn in its v2 form (v0's unsmoothed reward is gone): the smoothed reward
 * estimate and the baseline power, a tuple of 2.
 */
public record ThisEpochRewardReturn(
    FilterEstimate thisEpochRewardSmoothed, BigInteger thisEpochBaselinePower)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    thisEpochRewardSmoothed.encode(w);
    w.writeBigInt(thisEpochBaselinePower);
  }

  public static ThisEpochRewardReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ThisEpochRewardReturn");
    return new ThisEpochRewardReturn(FilterEstimate.decode(r), r.readBigInt());
  }
}
