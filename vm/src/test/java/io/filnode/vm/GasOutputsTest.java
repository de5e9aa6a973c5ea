package io.filnode.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.types.TokenAmount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gas accounting of Lotus v1.10.0's burn.go, with the cases of its burn_test.go. */
class GasOutputsTest {
  // Lotus TestGasBurn
  @ParameterizedTest
  @CsvSource({
    "100, 200, 10, 90",
    "100, 150, 30, 20",
    "1000, 1300, 240, 60",
    "500, 700, 140, 60",
    "200, 200, 0, 0",
    "20000, 21000, 1000, 0",
    "0, 2000, 0, 2000",
    "500, 651, 121, 30",
    "500, 5000, 0, 4500",
    "7499000000, 7500000000, 1000000, 0",
    "3750000000, 7500000000, 375000000, 3375000000",
    "1, 7500000000, 0, 7499999999"
  })
  void overestimationBurn(long used, long limit, long refund, long burn) {
    assertThat(GasOutputs.overestimationBurn(used, limit)).containsExactly(refund, burn);
  }

  // Lotus TestGasOutputs, base fee 10
  @ParameterizedTest
  @CsvSource({
    "100, 110, 11, 1, 1000, 0, 0, 110, 100",
    "100, 130, 11, 1, 1000, 60, 0, 130, 240",
    "100, 110, 10, 1, 1000, 0, 0, 0, 100",
    "100, 110, 6, 1, 600, 0, 400, 0, 60"
  })
  void outputs(
      long used,
      long limit,
      long feeCap,
      long premium,
      long baseFeeBurn,
      long overBurn,
      long penalty,
      long tip,
      long refund) {
    GasOutputs o =
        GasOutputs.compute(
            used,
            limit,
            TokenAmount.ofAtto(10),
            TokenAmount.ofAtto(feeCap),
            TokenAmount.ofAtto(premium),
            true);
    assertThat(o.baseFeeBurn()).isEqualTo(TokenAmount.ofAtto(baseFeeBurn));
    assertThat(o.overEstimationBurn()).isEqualTo(TokenAmount.ofAtto(overBurn));
    assertThat(o.minerPenalty()).isEqualTo(TokenAmount.ofAtto(penalty));
    assertThat(o.minerTip()).isEqualTo(TokenAmount.ofAtto(tip));
    assertThat(o.refund()).isEqualTo(TokenAmount.ofAtto(refund));
  }
}
