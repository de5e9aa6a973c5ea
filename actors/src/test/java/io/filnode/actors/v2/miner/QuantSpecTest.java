package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ports specs-actors miner quantize_test.go (TestQuantizeUp). */
class QuantSpecTest {
  @Test
  void noQuantization() {
    QuantSpec q = QuantSpec.NO_QUANTIZATION;
    assertThat(q.quantizeUp(0)).isZero();
    assertThat(q.quantizeUp(1)).isEqualTo(1);
    assertThat(q.quantizeUp(123456789)).isEqualTo(123456789);
  }

  @Test
  void zeroOffset() {
    assertThat(QuantSpec.quantizeUp(42, 10, 0)).isEqualTo(50);
    assertThat(QuantSpec.quantizeUp(16000, 100, 0)).isEqualTo(16000);
    assertThat(QuantSpec.quantizeUp(-5, 10, 0)).isZero();
    assertThat(QuantSpec.quantizeUp(-50, 10, 0)).isEqualTo(-50);
    assertThat(QuantSpec.quantizeUp(-53, 10, 0)).isEqualTo(-50);
  }

  @Test
  void nonZeroOffset() {
    assertThat(QuantSpec.quantizeUp(4, 5, 1)).isEqualTo(6);
    assertThat(QuantSpec.quantizeUp(0, 5, 1)).isEqualTo(1);
    assertThat(QuantSpec.quantizeUp(-6, 5, 1)).isEqualTo(-4);
    assertThat(QuantSpec.quantizeUp(2, 10, 4)).isEqualTo(4);
  }

  @Test
  void offsetSeedBiggerThanUnitIsNormalized() {
    assertThat(QuantSpec.quantizeUp(9, 5, 28)).isEqualTo(13);
    assertThat(QuantSpec.quantizeUp(10000, 100, 2000000)).isEqualTo(10000);
  }
}
