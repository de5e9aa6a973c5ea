package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Ports specs-actors miner monies_test.go (TestPledgePenaltyForTermination, TestNegativeBRClamp).
 */
class MoniesTest {
  private static final FilterEstimate REWARD =
      FilterEstimate.of(BigInteger.ONE.shiftLeft(50), BigInteger.ZERO);
  private static final FilterEstimate POWER =
      FilterEstimate.of(BigInteger.ONE.shiftLeft(50), BigInteger.ZERO);
  private static final BigInteger QA_SECTOR_POWER = BigInteger.ONE.shiftLeft(36);
  private static final BigInteger IP_FACTOR = BigInteger.valueOf(Monies.INITIAL_PLEDGE_FACTOR);
  private static final long DAY = Policy.EPOCHS_IN_DAY;

  private static final TokenAmount UNDECLARED_PENALTY =
      Monies.pledgePenaltyForTerminationLowerBound(REWARD, POWER, QA_SECTOR_POWER);

  private static TokenAmount fee(
      TokenAmount dayReward,
      long age,
      TokenAmount twentyDay,
      BigInteger power,
      TokenAmount replacedDayReward,
      long replacedAge) {
    return Monies.pledgePenaltyForTermination(
        dayReward, age, twentyDay, POWER, power, REWARD, replacedDayReward, replacedAge);
  }

  private static TokenAmount div(TokenAmount a, BigInteger b) {
    return new TokenAmount(a.atto().divide(b));
  }

  private static TokenAmount mul(TokenAmount a, BigInteger b) {
    return new TokenAmount(a.atto().multiply(b));
  }

  @Test
  void undeclaredFaultFeeWinsWhenItExceedsExpectedReward() {
    TokenAmount initialPledge = TokenAmount.ofAtto(1 << 10);
    TokenAmount dayReward = div(initialPledge, IP_FACTOR);
    TokenAmount twentyDay = mul(dayReward, IP_FACTOR);
    assertThat(fee(dayReward, 20 * DAY, twentyDay, QA_SECTOR_POWER, TokenAmount.ZERO, 0))
        .isEqualTo(UNDECLARED_PENALTY);
  }

  @Test
  void expectedRewardWinsWhenItExceedsUndeclaredFaultFee() {
    TokenAmount initialPledge = UNDECLARED_PENALTY;
    TokenAmount dayReward = div(initialPledge, IP_FACTOR);
    TokenAmount twentyDay = mul(dayReward, IP_FACTOR);
    TokenAmount expected =
        initialPledge.add(
            new TokenAmount(
                initialPledge
                    .atto()
                    .multiply(BigInteger.valueOf(20))
                    .divide(IP_FACTOR.multiply(BigInteger.TWO))));
    assertThat(fee(dayReward, 20 * DAY, twentyDay, QA_SECTOR_POWER, TokenAmount.ZERO, 0))
        .isEqualTo(expected);
  }

  @Test
  void sectorAgeIsCapped() {
    TokenAmount initialPledge = UNDECLARED_PENALTY;
    TokenAmount dayReward = div(initialPledge, IP_FACTOR);
    TokenAmount twentyDay = mul(dayReward, IP_FACTOR);
    TokenAmount expected =
        initialPledge.add(
            new TokenAmount(
                initialPledge
                    .atto()
                    .multiply(BigInteger.valueOf(Monies.TERMINATION_LIFETIME_CAP))
                    .divide(IP_FACTOR.multiply(BigInteger.TWO))));
    assertThat(fee(dayReward, 500 * DAY, twentyDay, QA_SECTOR_POWER, TokenAmount.ZERO, 0))
        .isEqualTo(expected);
  }

  @Test
  void replacementFeeEqualsOriginalFeeWhenPowerAndRewardUnchanged() {
    TokenAmount dayReward = div(UNDECLARED_PENALTY, IP_FACTOR);
    TokenAmount twentyDay = mul(dayReward, IP_FACTOR);
    long sectorAge = 20 * DAY;
    long replacementAge = 2 * DAY;
    TokenAmount unreplaced =
        fee(dayReward, sectorAge, twentyDay, BigInteger.ONE, TokenAmount.ZERO, 0);
    TokenAmount actual =
        fee(
            dayReward,
            replacementAge,
            twentyDay,
            BigInteger.ONE,
            dayReward,
            sectorAge - replacementAge);
    assertThat(actual).isEqualTo(unreplaced);
  }

  @Test
  void replacementFeeIgnoresReplacedSectorAfterLifetimeCap() {
    TokenAmount dayReward = div(UNDECLARED_PENALTY, IP_FACTOR);
    TokenAmount twentyDay = mul(dayReward, IP_FACTOR);
    long replacementAge = (Monies.TERMINATION_LIFETIME_CAP + 1) * DAY;
    TokenAmount noReplace =
        fee(dayReward, replacementAge, twentyDay, BigInteger.ONE, TokenAmount.ZERO, 0);
    TokenAmount withReplace =
        fee(dayReward, replacementAge, twentyDay, BigInteger.ONE, dayReward, 20 * DAY);
    assertThat(withReplace).isEqualTo(noReplace);
  }

  @Test
  void chargesForReplacedSectorAtItsDayRate() {
    TokenAmount dayReward = div(UNDECLARED_PENALTY, IP_FACTOR);
    TokenAmount oldDayReward = mul(dayReward, BigInteger.TWO);
    TokenAmount twentyDay = mul(dayReward, IP_FACTOR);
    TokenAmount oldPenalty =
        new TokenAmount(
            oldDayReward.atto().multiply(BigInteger.valueOf(20)).divide(BigInteger.TWO));
    TokenAmount newPenalty =
        new TokenAmount(dayReward.atto().multiply(BigInteger.valueOf(15)).divide(BigInteger.TWO));
    TokenAmount expected = twentyDay.add(oldPenalty).add(newPenalty);
    assertThat(fee(dayReward, 15 * DAY, twentyDay, BigInteger.ONE, oldDayReward, 20 * DAY))
        .isEqualTo(expected);
  }

  @Test
  void negativeExpectedRewardIsClampedToZero() {
    FilterEstimate reward = FilterEstimate.of(BigInteger.ONE.shiftLeft(50), BigInteger.ZERO);
    FilterEstimate power =
        FilterEstimate.of(BigInteger.ONE.shiftLeft(10), BigInteger.ONE.shiftLeft(10).negate());
    assertThat(Monies.expectedRewardForPower(reward, power, QA_SECTOR_POWER, 4))
        .isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void lockedRewardIs75PercentFromVersion6() {
    assertThat(Monies.lockedRewardFromReward(TokenAmount.ofAtto(1000), 5))
        .isEqualTo(TokenAmount.ofAtto(1000));
    assertThat(Monies.lockedRewardFromReward(TokenAmount.ofAtto(1000), 6))
        .isEqualTo(TokenAmount.ofAtto(750));
  }

  @Test
  void initialPledgeIsCappedAtOneFilPer32GiB() {
    // zero network power: the reward estimate itself is BR, far above the cap for 1 byte
    FilterEstimate zeroPower = FilterEstimate.defaultInitial();
    TokenAmount pledge =
        Monies.initialPledgeForPower(
            BigInteger.valueOf(32L << 30),
            BigInteger.ZERO,
            REWARD,
            zeroPower,
            TokenAmount.ofFil(1_000_000));
    assertThat(pledge.atto())
        .isEqualTo(Monies.INITIAL_PLEDGE_MAX_PER_BYTE.multiply(BigInteger.valueOf(32L << 30)));
  }
}
