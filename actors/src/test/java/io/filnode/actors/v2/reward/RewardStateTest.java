package io.filnode.actors.v2.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.cbor.CborReader;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RewardStateTest {
  /** specs-actors reward_test.go EpochZeroReward. */
  private static final BigInteger EPOCH_ZERO_REWARD = new BigInteger("36266264293777134739");

  /** specs-actors TestConstructor "construct with 0 power". */
  @Test
  void constructWithZeroPower() {
    RewardState st = RewardState.construct(BigInteger.ZERO);
    assertThat(st.epoch).isZero();
    assertThat(st.cumsumRealized).isZero();
    assertThat(st.thisEpochReward).isEqualTo(EPOCH_ZERO_REWARD);
    assertThat(st.thisEpochBaselinePower)
        .isEqualTo(RewardLogic.BASELINE_INITIAL_VALUE.subtract(BigInteger.ONE));
    assertThat(st.effectiveBaselinePower).isEqualTo(RewardLogic.BASELINE_INITIAL_VALUE);
    assertThat(st.effectiveNetworkTime).isZero();
  }

  /** specs-actors TestConstructor "construct with less power than baseline". */
  @Test
  void constructWithLessPowerThanBaseline() {
    BigInteger power = BigInteger.ONE.shiftLeft(39);
    RewardState st = RewardState.construct(power);
    assertThat(st.epoch).isZero();
    assertThat(st.cumsumRealized).isEqualTo(power);
    assertThat(st.thisEpochReward).isNotEqualTo(BigInteger.ZERO);
  }

  /** specs-actors TestConstructor "construct with more power than baseline". */
  @Test
  void realizedPowerIsCappedAtBaseline() {
    BigInteger atBaseline =
        RewardState.construct(RewardLogic.BASELINE_INITIAL_VALUE).thisEpochReward;
    BigInteger twice =
        RewardState.construct(RewardLogic.BASELINE_INITIAL_VALUE.shiftLeft(1)).thisEpochReward;
    assertThat(twice).isEqualTo(atBaseline).isGreaterThan(EPOCH_ZERO_REWARD);
  }

  @Test
  void nullRoundsAdvanceEpochAndBaselineWithoutReward() {
    RewardState st = RewardState.construct(BigInteger.ZERO);
    BigInteger reward = st.thisEpochReward;
    BigInteger baseline = st.thisEpochBaselinePower;
    st.updateToNextEpoch(BigInteger.ONE.shiftLeft(50));
    assertThat(st.epoch).isEqualTo(1);
    assertThat(st.thisEpochBaselinePower).isEqualTo(RewardLogic.baselinePowerFromPrev(baseline));
    assertThat(st.cumsumRealized).isEqualTo(BigInteger.ONE.shiftLeft(50));
    assertThat(st.thisEpochReward).isEqualTo(reward);
  }

  @Test
  void encodesAsATupleOf11AndRoundTrips() throws Exception {
    RewardState st = RewardState.construct(BigInteger.ONE.shiftLeft(50));
    st.updateSmoothedEstimates(1);
    byte[] bytes = st.toCbor();
    assertThat(bytes[0] & 0xFF).isEqualTo(0x80 | 11);
    RewardState back = CborReader.decodeWhole(bytes, "state", RewardState::decode);
    assertThat(back.toCbor()).isEqualTo(bytes);
    assertThat(back.thisEpochRewardSmoothed).isEqualTo(st.thisEpochRewardSmoothed);
    assertThat(back.epoch).isEqualTo(st.epoch);
  }
}
