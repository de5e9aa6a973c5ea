package io.filnode.actors.v2.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class RewardLogicTest {
  private static final BigInteger ONE_Q128 = BigInteger.ONE.shiftLeft(128);

  private static BigInteger q128(double exactBinaryFraction) {
    return new BigDecimal(exactBinaryFraction)
        .multiply(new BigDecimal(ONE_Q128))
        .toBigIntegerExact();
  }

  private static BigInteger baselinePowerAt(long epoch) {
    return BigInteger.valueOf((epoch + 1) * 2048);
  }

  /** specs-actors reward_logic_test.go TestComputeRTeta. */
  @Test
  void computeRThetaInterpolatesBetweenBaselineEpochs() {
    assertThat(
            RewardLogic.computeRTheta(
                1, baselinePowerAt(1), BigInteger.valueOf(2048 + 2048), BigInteger.valueOf(6144)))
        .isEqualTo(q128(0.5));
    assertThat(
            RewardLogic.computeRTheta(
                1, baselinePowerAt(1), BigInteger.valueOf(2048 + 1024), BigInteger.valueOf(6144)))
        .isEqualTo(q128(0.25));

    BigInteger cumsum15 = BigInteger.ZERO;
    for (long i = 0; i < 16; i++) {
      cumsum15 = cumsum15.add(baselinePowerAt(i));
    }
    assertThat(
            RewardLogic.computeRTheta(
                16,
                baselinePowerAt(16),
                cumsum15.add(baselinePowerAt(16).divide(BigInteger.valueOf(4))),
                cumsum15.add(baselinePowerAt(16))))
        .isEqualTo(q128(15.25));
  }

  @Test
  void computeRThetaIsZeroAtEffectiveTimeZero() {
    assertThat(RewardLogic.computeRTheta(0, BigInteger.TEN, BigInteger.ONE, BigInteger.TWO))
        .isZero();
  }

  /** Rows of specs-actors testdata/TestSimpleReward.golden (x, simple reward at epoch x). */
  @Test
  void simpleRewardMatchesGoldenValues() {
    assertThat(simpleReward(0)).isEqualTo(new BigInteger("36266264293777134739"));
    assertThat(simpleReward(5000)).isEqualTo(new BigInteger("36246341860983438171"));
    assertThat(simpleReward(500_000)).isEqualTo(new BigInteger("34327235211163899311"));
    assertThat(simpleReward(2_555_000)).isEqualTo(new BigInteger("27387841182142501307"));
  }

  private static BigInteger simpleReward(long epoch) {
    return RewardLogic.computeReward(
        epoch,
        BigInteger.ZERO,
        BigInteger.ZERO,
        RewardLogic.DEFAULT_SIMPLE_TOTAL,
        RewardLogic.DEFAULT_BASELINE_TOTAL);
  }

  /**
   * specs-actors TestBaselineReward: theta advances by a step just under 5000 epochs, starting from
   * a delta just under one; rows 0, 1, 256 and 511 of testdata/TestBaselineReward.golden.
   */
  @Test
  void baselineRewardMatchesGoldenValues() {
    BigInteger step =
        BigInteger.valueOf(5000).shiftLeft(128).subtract(BigInteger.valueOf(77777777777L));
    BigInteger delta = ONE_Q128.subtract(BigInteger.valueOf(33333333333L));
    BigInteger simple = simpleReward(0);
    BigInteger[] expected = new BigInteger[512];
    expected[0] = new BigInteger("84621274052457285111");
    expected[1] = new BigInteger("84574788381047331439");
    expected[256] = new BigInteger("73516991966584939767");
    expected[511] = new BigInteger("63904955735320338264");
    BigInteger prevTheta = BigInteger.ZERO;
    BigInteger theta = delta;
    for (int i = 0; i < 512; i++) {
      if (expected[i] != null) {
        BigInteger reward =
            RewardLogic.computeReward(
                    0,
                    prevTheta,
                    theta,
                    RewardLogic.DEFAULT_SIMPLE_TOTAL,
                    RewardLogic.DEFAULT_BASELINE_TOTAL)
                .subtract(simple);
        assertThat(reward).as("row %d", i).isEqualTo(expected[i]);
      }
      prevTheta = prevTheta.add(step);
      theta = theta.add(step);
    }
    assertThat(prevTheta.subtract(step))
        .isEqualTo(new BigInteger("869421447482997774148922121988128035825635953"));
  }

  /** specs-actors TestBaselineRewardGrowth: the baseline doubles in a year, within its bounds. */
  @Test
  void baselineDoublesInOneYear() {
    assertGrowthError(BigInteger.ONE.shiftLeft(30), 1e-3);
    assertGrowthError(RewardLogic.BASELINE_INITIAL_VALUE, 1e-8);
    assertGrowthError(new BigInteger("513633559722596517"), 1e-8);
  }

  private static void assertGrowthError(BigInteger start, double bound) {
    BigInteger baseline = start;
    for (long i = 0; i < 365L * 2880; i++) {
      baseline = RewardLogic.baselinePowerFromPrev(baseline);
    }
    BigInteger expected = start.shiftLeft(1);
    BigDecimal err =
        new BigDecimal(expected.subtract(baseline))
            .divide(new BigDecimal(expected), MathContext.DECIMAL64);
    assertThat(err.doubleValue()).isLessThan(bound).isGreaterThanOrEqualTo(0);
  }

  @Test
  void initialBaselineStepsToOneByteBelowTheInitialValue() {
    // specs-actors TestConstructor: rounding loses one byte in the first step.
    assertThat(RewardLogic.baselinePowerFromPrev(RewardLogic.initBaselinePower()))
        .isEqualTo(RewardLogic.BASELINE_INITIAL_VALUE.subtract(BigInteger.ONE));
    assertThat(RewardLogic.slowConvenientBaselineForEpoch(1))
        .isEqualTo(RewardLogic.BASELINE_INITIAL_VALUE.subtract(BigInteger.ONE));
    assertThat(RewardLogic.slowConvenientBaselineForEpoch(3))
        .isEqualTo(
            RewardLogic.baselinePowerFromPrev(
                RewardLogic.baselinePowerFromPrev(
                    RewardLogic.BASELINE_INITIAL_VALUE.subtract(BigInteger.ONE))));
  }
}
