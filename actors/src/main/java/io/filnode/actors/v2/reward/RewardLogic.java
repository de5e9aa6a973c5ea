package io.filnode.actors.v2.reward;

import io.filnode.actors.util.math.FixedPoint;
import io.filnode.actors.util.math.GoBig;
import java.math.BigInteger;

/**
 * The v2 minting functions (specs-actors {@code reward_logic.go}): the baseline power, which grows
 * 100% a year from an initial value, and the reward per epoch, which is a simple exponential decay
 * plus the baseline part minted as effective network time advances. Fixed point numbers are Q.128
 * ({@code x * 2^128}) where noted.
 */
public final class RewardLogic {
  private static final int PRECISION_128 = FixedPoint.PRECISION_128;

  /** e^(ln 2 / epochs in a year) in Q.128: the baseline grows 100% in one year of epochs. */
  public static final BigInteger BASELINE_EXPONENT =
      new BigInteger("340282591298641078465964189926313473653");

  /** The baseline power at epoch 0, in bytes (2.5057116798121726 EiB). */
  public static final BigInteger BASELINE_INITIAL_VALUE =
      BigInteger.valueOf(2_888_888_880_000_000_000L);

  /** The initial simple minting total, 330M FIL in attoFIL. */
  public static final BigInteger DEFAULT_SIMPLE_TOTAL =
      BigInteger.valueOf(330_000_000L).multiply(BigInteger.TEN.pow(18));

  /** The initial baseline minting total, 770M FIL in attoFIL. */
  public static final BigInteger DEFAULT_BASELINE_TOTAL =
      BigInteger.valueOf(770_000_000L).multiply(BigInteger.TEN.pow(18));

  /** ln(2) / (6 * epochs in a year), Q.128: the minting decay rate (six-year half-life). */
  public static final BigInteger LAMBDA = new BigInteger("37396271439864487274534522888786");

  /** e^lambda - 1, Q.128. */
  public static final BigInteger EXP_LAM_SUB_ONE =
      new BigInteger("37396273494747879394193016954629");

  private RewardLogic() {}

  /** The baseline power at epoch -1, so that the first step gives the value for epoch 0. */
  public static BigInteger initBaselinePower() {
    BigInteger q256 = BASELINE_INITIAL_VALUE.shiftLeft(2 * PRECISION_128);
    return GoBig.div(q256, BASELINE_EXPONENT).shiftRight(PRECISION_128);
  }

  /** Baseline power of the next epoch from that of the previous one (one multiplication). */
  public static BigInteger baselinePowerFromPrev(BigInteger prevEpochBaselinePower) {
    return prevEpochBaselinePower.multiply(BASELINE_EXPONENT).shiftRight(PRECISION_128);
  }

  /**
   * The fractional effective network time theta in Q.128, interpolating linearly between the
   * cumulative baselines at the floor and at the ceiling ({@code effectiveNetworkTime}) of theta.
   */
  public static BigInteger computeRTheta(
      long effectiveNetworkTime,
      BigInteger baselinePowerAtEffectiveNetworkTime,
      BigInteger cumsumRealized,
      BigInteger cumsumBaseline) {
    if (effectiveNetworkTime == 0) {
      return BigInteger.ZERO; // initialisation
    }
    BigInteger theta = BigInteger.valueOf(effectiveNetworkTime).shiftLeft(PRECISION_128);
    BigInteger diff = cumsumBaseline.subtract(cumsumRealized).shiftLeft(PRECISION_128);
    diff = GoBig.div(diff, baselinePowerAtEffectiveNetworkTime);
    return theta.subtract(diff);
  }

  /**
   * The reward for all expected leaders of {@code epoch} as effective network time moves from
   * {@code prevTheta} to {@code currTheta} (both Q.128), in attoFIL.
   */
  public static BigInteger computeReward(
      long epoch,
      BigInteger prevTheta,
      BigInteger currTheta,
      BigInteger simpleTotal,
      BigInteger baselineTotal) {
    BigInteger simpleReward = simpleTotal.multiply(EXP_LAM_SUB_ONE); // Q.128
    BigInteger epochLam = BigInteger.valueOf(epoch).multiply(LAMBDA); // Q.128
    simpleReward = simpleReward.multiply(FixedPoint.expNeg(epochLam)).shiftRight(PRECISION_128);
    BigInteger baselineReward =
        computeBaselineSupply(currTheta, baselineTotal)
            .subtract(computeBaselineSupply(prevTheta, baselineTotal));
    return simpleReward.add(baselineReward).shiftRight(PRECISION_128);
  }

  /** Baseline supply minted by effective network time {@code theta} (Q.128), in Q.128. */
  static BigInteger computeBaselineSupply(BigInteger theta, BigInteger baselineTotal) {
    BigInteger thetaLam = theta.multiply(LAMBDA).shiftRight(PRECISION_128);
    BigInteger oneSub =
        BigInteger.ONE.shiftLeft(PRECISION_128).subtract(FixedPoint.expNeg(thetaLam));
    return baselineTotal.multiply(oneSub);
  }

  /**
   * The baseline power that the block at {@code targetEpoch - 1} records for {@code targetEpoch}.
   * About {@code targetEpoch} multiplications: for nodes and tests, not for actor code.
   */
  public static BigInteger slowConvenientBaselineForEpoch(long targetEpoch) {
    BigInteger baseline = baselinePowerFromPrev(initBaselinePower());
    for (long i = 1; i < targetEpoch; i++) {
      baseline = baselinePowerFromPrev(baseline);
    }
    return baseline;
  }
}
