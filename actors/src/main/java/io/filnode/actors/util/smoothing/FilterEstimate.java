package io.filnode.actors.util.smoothing;

import io.filnode.actors.util.math.FixedPoint;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/**
 * smoothing.FilterEstimate: an alpha-beta filter's position and velocity, both Q.128, a tuple. Used
 * by the reward actor (reward estimate), the power actor (QA power estimate) and the miner and
 * market (pledge and collateral).
 */
public record FilterEstimate(BigInteger positionEstimate, BigInteger velocityEstimate)
    implements CborEncodable {
  /** The initial estimate: position and velocity zero. */
  public static FilterEstimate defaultInitial() {
    return new FilterEstimate(BigInteger.ZERO, BigInteger.ZERO);
  }

  /** An estimate from integer (Q.0) position and velocity. */
  public static FilterEstimate of(BigInteger position, BigInteger velocity) {
    return new FilterEstimate(
        position.shiftLeft(FixedPoint.PRECISION_128), velocity.shiftLeft(FixedPoint.PRECISION_128));
  }

  /** The position as an integer (Q.0). */
  public BigInteger estimate() {
    return positionEstimate.shiftRight(FixedPoint.PRECISION_128);
  }

  /** position + velocity·delta, in Q.256. */
  public BigInteger extrapolate(long delta) {
    BigInteger deltaT = BigInteger.valueOf(delta).shiftLeft(FixedPoint.PRECISION_128);
    return positionEstimate
        .shiftLeft(FixedPoint.PRECISION_128)
        .add(velocityEstimate.multiply(deltaT));
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeBigInt(positionEstimate);
    w.writeBigInt(velocityEstimate);
  }

  public static FilterEstimate decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "FilterEstimate");
    return new FilterEstimate(r.readBigInt(), r.readBigInt());
  }
}
