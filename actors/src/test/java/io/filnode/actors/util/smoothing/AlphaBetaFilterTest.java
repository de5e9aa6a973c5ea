package io.filnode.actors.util.smoothing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AlphaBetaFilterTest {
  private static FilterEstimate constant(long v) {
    return FilterEstimate.of(BigInteger.valueOf(v), BigInteger.ZERO);
  }

  // specs-actors v2 smoothing TestCumSumRatioProjection, "constant estimate".
  @Test
  void cumSumOfConstantRatio() {
    FilterEstimate num = constant(4_000_000);
    FilterEstimate denom = constant(1);
    BigInteger csr = AlphaBetaFilter.extrapolatedCumSumOfRatio(1000, 0, num, denom);
    assertThat(csr.shiftRight(128)).isEqualTo(4_000_000_000L);
    assertThat(AlphaBetaFilter.extrapolatedCumSumOfRatio(1000, 1_000_000_000_000_000L, num, denom))
        .isEqualTo(csr);

    BigInteger frac = AlphaBetaFilter.extrapolatedCumSumOfRatio(100, 0, constant(1), constant(200));
    assertThat(frac.shiftRight(128)).isZero();
    assertThat(frac.multiply(BigInteger.valueOf(10000).shiftLeft(128)).shiftRight(256))
        .isEqualTo(5000);
  }

  // specs-actors v2 smoothing TestCumSumRatioProjection: the analytic sum stays within 350 parts
  // per million of the iterative one.
  @Test
  void cumSumOfLinearRatioMatchesIteration() {
    assertWithinBound(est(111, 33), est(3456, 8), 10_000, 0);
    assertWithinBound(est(1_000_000, -100), est(70_000, 1000), 100_000, 0);
  }

  private static FilterEstimate est(long x, long v) {
    return FilterEstimate.of(BigInteger.valueOf(x), BigInteger.valueOf(v));
  }

  private static void assertWithinBound(
      FilterEstimate num, FilterEstimate den, long delta, long t0) {
    BigInteger analytic = AlphaBetaFilter.extrapolatedCumSumOfRatio(delta, t0, num, den);
    BigInteger iterative = BigInteger.ZERO;
    for (long i = 0; i < delta; i++) {
      iterative =
          iterative.add(num.extrapolate(t0 + i).shiftLeft(128).divide(den.extrapolate(t0 + i)));
    }
    BigInteger perMillion =
        analytic
            .subtract(iterative)
            .abs()
            .multiply(BigInteger.valueOf(1_000_000))
            .divide(iterative);
    assertThat(perMillion).isLessThan(BigInteger.valueOf(350));
  }

  @Test
  void nextEstimateMovesTowardsTheObservation() {
    FilterEstimate start = FilterEstimate.of(BigInteger.valueOf(1000), BigInteger.ZERO);
    FilterEstimate next =
        AlphaBetaFilter.withDefaults(start).nextEstimate(BigInteger.valueOf(2000), 1);
    assertThat(next.estimate()).isEqualTo(1000); // alpha ≈ 9.25e-4: moves by 0.925
    assertThat(next.positionEstimate()).isGreaterThan(start.positionEstimate());
    assertThat(next.velocityEstimate().signum()).isPositive();
  }
}
