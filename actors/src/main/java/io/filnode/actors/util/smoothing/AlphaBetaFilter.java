package io.filnode.actors.util.smoothing;

import io.filnode.actors.util.math.FixedPoint;
import io.filnode.actors.util.math.GoBig;
import java.math.BigInteger;

/**
 * The alpha-beta filter of specs-actors {@code util/smoothing}: the next estimate from an
 * observation, and the extrapolated cumulative sum of the ratio of two estimates (for expected
 * block rewards). All Q.128, rounding as Go.
 */
public final class AlphaBetaFilter {
  /** Q.128 value of 9.25e-4. */
  public static final BigInteger DEFAULT_ALPHA =
      new BigInteger("314760000000000000000000000000000000");

  /** Q.128 value of 2.84e-7. */
  public static final BigInteger DEFAULT_BETA = new BigInteger("96640100000000000000000000000000");

  /** Q.128 value of 2^-50. */
  public static final BigInteger EXTRAPOLATED_CUM_SUM_RATIO_EPSILON =
      new BigInteger("302231454903657293676544");

  private final FilterEstimate previous;
  private final BigInteger alpha;
  private final BigInteger beta;

  public AlphaBetaFilter(FilterEstimate previous, BigInteger alpha, BigInteger beta) {
    this.previous = previous;
    this.alpha = alpha;
    this.beta = beta;
  }

  /** The filter with the default alpha and beta. */
  public static AlphaBetaFilter withDefaults(FilterEstimate previous) {
    return new AlphaBetaFilter(previous, DEFAULT_ALPHA, DEFAULT_BETA);
  }

  /** The estimate after observing {@code observation} (Q.0) {@code epochDelta} epochs later. */
  public FilterEstimate nextEstimate(BigInteger observation, long epochDelta) {
    int q = FixedPoint.PRECISION_128;
    BigInteger deltaT = BigInteger.valueOf(epochDelta).shiftLeft(q);
    BigInteger deltaX = deltaT.multiply(previous.velocityEstimate()).shiftRight(q);
    BigInteger position = previous.positionEstimate().add(deltaX);
    BigInteger residual = observation.shiftLeft(q).subtract(position);
    position = position.add(alpha.multiply(residual).shiftRight(q));
    BigInteger revisionV = GoBig.div(beta.multiply(residual), deltaT);
    return new FilterEstimate(position, previous.velocityEstimate().add(revisionV));
  }

  /**
   * The integral of num(t)/denom(t) over [relativeStart, relativeStart + delta], where both are
   * linear extrapolations of the estimates; Q.128.
   */
  public static BigInteger extrapolatedCumSumOfRatio(
      long delta, long relativeStart, FilterEstimate num, FilterEstimate denom) {
    int q = FixedPoint.PRECISION_128;
    BigInteger deltaT = BigInteger.valueOf(delta).shiftLeft(q);
    BigInteger t0 = BigInteger.valueOf(relativeStart).shiftLeft(q);
    BigInteger position1 = num.positionEstimate();
    BigInteger position2 = denom.positionEstimate();
    BigInteger velocity1 = num.velocityEstimate();
    BigInteger velocity2 = denom.velocityEstimate();

    BigInteger squaredVelocity2 = velocity2.multiply(velocity2).shiftRight(q);
    if (squaredVelocity2.compareTo(EXTRAPOLATED_CUM_SUM_RATIO_EPSILON) > 0) {
      BigInteger x2a = position2.add(t0.multiply(velocity2).shiftRight(q));
      BigInteger x2b = x2a.add(deltaT.multiply(velocity2).shiftRight(q));
      x2a = FixedPoint.ln(x2a);
      x2b = FixedPoint.ln(x2b);
      BigInteger m1 = velocity2.multiply(position1.multiply(x2b.subtract(x2a))).shiftRight(q);
      BigInteger m2 = position2.multiply(x2a.subtract(x2b)).add(velocity2.multiply(deltaT));
      m2 = velocity1.multiply(m2).shiftRight(q);
      return GoBig.div(m1.add(m2), squaredVelocity2);
    }
    BigInteger halfDeltaT = deltaT.shiftRight(1);
    BigInteger x1m = position1.add(velocity1.multiply(t0.add(halfDeltaT)).shiftRight(q));
    return GoBig.div(x1m.multiply(deltaT), position2);
  }
}
