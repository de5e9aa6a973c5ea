package io.filnode.actors.util.smoothing;

import java.math.BigInteger;

/** TEMPORARY stand-in for the lead's smoothing.AlphaBetaFilter (replaced at merge with main). */
public final class AlphaBetaFilter {
  public static final BigInteger DEFAULT_ALPHA =
      new BigInteger("314760000000000000000000000000000000");
  public static final BigInteger DEFAULT_BETA = new BigInteger("96640100000000000000000000000000");

  private AlphaBetaFilter() {}

  /** The next estimate with the default alpha and beta. */
  public static FilterEstimate nextEstimate(
      FilterEstimate prev, BigInteger observation, long epochDelta) {
    BigInteger deltaT = BigInteger.valueOf(epochDelta).shiftLeft(128);
    BigInteger position =
        prev.positionEstimate().add(deltaT.multiply(prev.velocityEstimate()).shiftRight(128));
    BigInteger residual = observation.shiftLeft(128).subtract(position);
    position = position.add(DEFAULT_ALPHA.multiply(residual).shiftRight(128));
    BigInteger num = DEFAULT_BETA.multiply(residual);
    BigInteger[] qr = num.divideAndRemainder(deltaT);
    BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    return new FilterEstimate(position, prev.velocityEstimate().add(q));
  }
}
