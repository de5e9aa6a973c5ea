package io.filnode.actors.v2.miner;

import io.filnode.actors.util.smoothing.AlphaBetaFilter;
import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

/** Pledge, deposit and penalty arithmetic of specs-actors v2 {@code miner/monies.go}. */
public final class Monies {
  public static final long PRE_COMMIT_DEPOSIT_FACTOR = 20;
  public static final long PRE_COMMIT_DEPOSIT_PROJECTION_PERIOD =
      PRE_COMMIT_DEPOSIT_FACTOR * Policy.EPOCHS_IN_DAY;
  public static final long INITIAL_PLEDGE_FACTOR = 20;
  public static final long INITIAL_PLEDGE_PROJECTION_PERIOD =
      INITIAL_PLEDGE_FACTOR * Policy.EPOCHS_IN_DAY;

  /** The cap of 1 FIL per 32 GiB of initial pledge, per byte (rounded down). */
  public static final BigInteger INITIAL_PLEDGE_MAX_PER_BYTE =
      BigInteger.TEN.pow(18).divide(BigInteger.valueOf(32L << 30));

  private static final BigInteger INITIAL_PLEDGE_LOCK_TARGET_NUM = BigInteger.valueOf(3);
  private static final BigInteger INITIAL_PLEDGE_LOCK_TARGET_DENOM = BigInteger.TEN;

  public static final long CONTINUED_FAULT_PROJECTION_PERIOD = (Policy.EPOCHS_IN_DAY * 351) / 100;
  public static final long TERMINATION_PENALTY_LOWER_BOUND_PROJECTION_PERIOD =
      (Policy.EPOCHS_IN_DAY * 35) / 10;
  private static final BigInteger TERMINATION_REWARD_FACTOR_NUM = BigInteger.ONE;
  private static final BigInteger TERMINATION_REWARD_FACTOR_DENOM = BigInteger.TWO;
  public static final long TERMINATION_LIFETIME_CAP = 140;
  public static final long CONSENSUS_FAULT_FACTOR = 5;
  private static final BigInteger LOCKED_REWARD_FACTOR_NUM_V6 = BigInteger.valueOf(75);
  private static final BigInteger LOCKED_REWARD_FACTOR_DENOM_V6 = BigInteger.valueOf(100);
  private static final int PRECISION_128 = 128;

  private Monies() {}

  /**
   * BR(t): the reward {@code qaSectorPower} is expected to earn over {@code projectionDuration},
   * from the smoothed reward and network power estimates; never negative.
   */
  public static TokenAmount expectedRewardForPower(
      FilterEstimate rewardEstimate,
      FilterEstimate networkQaPowerEstimate,
      BigInteger qaSectorPower,
      long projectionDuration) {
    BigInteger networkQaPowerSmoothed = networkQaPowerEstimate.estimate();
    if (networkQaPowerSmoothed.signum() == 0) {
      return new TokenAmount(rewardEstimate.estimate());
    }
    BigInteger expectedRewardForProvingPeriod =
        AlphaBetaFilter.extrapolatedCumSumOfRatio(
            projectionDuration, 0, rewardEstimate, networkQaPowerEstimate);
    BigInteger br128 = qaSectorPower.multiply(expectedRewardForProvingPeriod);
    BigInteger br = br128.shiftRight(PRECISION_128);
    return new TokenAmount(br.max(BigInteger.ZERO));
  }

  /** FF(t): the penalty for a sector staying faulty for another proving period. */
  public static TokenAmount pledgePenaltyForContinuedFault(
      FilterEstimate rewardEstimate,
      FilterEstimate networkQaPowerEstimate,
      BigInteger qaSectorPower) {
    return expectedRewardForPower(
        rewardEstimate, networkQaPowerEstimate, qaSectorPower, CONTINUED_FAULT_PROJECTION_PERIOD);
  }

  /** SP(t): the lower bound of the termination penalty. */
  public static TokenAmount pledgePenaltyForTerminationLowerBound(
      FilterEstimate rewardEstimate,
      FilterEstimate networkQaPowerEstimate,
      BigInteger qaSectorPower) {
    return expectedRewardForPower(
        rewardEstimate,
        networkQaPowerEstimate,
        qaSectorPower,
        TERMINATION_PENALTY_LOWER_BOUND_PROJECTION_PERIOD);
  }

  /**
   * The penalty for terminating a sector before its expiration: max(SP(t), BR(activation, 20d) +
   * BR(activation, 1d) * terminationRewardFactor * min(age in days, 140)), counting the replaced
   * sector's age as well for a capacity upgrade.
   */
  @SuppressWarnings("TooManyParameters") // mirrors the Go function
  public static TokenAmount pledgePenaltyForTermination(
      TokenAmount dayReward,
      long sectorAge,
      TokenAmount twentyDayRewardAtActivation,
      FilterEstimate networkQaPowerEstimate,
      BigInteger qaSectorPower,
      FilterEstimate rewardEstimate,
      TokenAmount replacedDayReward,
      long replacedSectorAge) {
    long lifetimeCap = TERMINATION_LIFETIME_CAP * Policy.EPOCHS_IN_DAY;
    long cappedSectorAge = Math.min(sectorAge, lifetimeCap);
    BigInteger expectedReward = dayReward.atto().multiply(BigInteger.valueOf(cappedSectorAge));
    long relevantReplacedAge = Math.min(replacedSectorAge, lifetimeCap - cappedSectorAge);
    expectedReward =
        expectedReward.add(
            replacedDayReward.atto().multiply(BigInteger.valueOf(relevantReplacedAge)));
    BigInteger penalizedReward = expectedReward.multiply(TERMINATION_REWARD_FACTOR_NUM);
    BigInteger bound =
        twentyDayRewardAtActivation
            .atto()
            .add(
                Big.div(
                    penalizedReward,
                    BigInteger.valueOf(Policy.EPOCHS_IN_DAY)
                        .multiply(TERMINATION_REWARD_FACTOR_DENOM)));
    TokenAmount lower =
        pledgePenaltyForTerminationLowerBound(
            rewardEstimate, networkQaPowerEstimate, qaSectorPower);
    return Big.max(lower, new TokenAmount(bound));
  }

  /** The deposit to pre-commit a sector: BR(20 days). */
  public static TokenAmount preCommitDepositForPower(
      FilterEstimate rewardEstimate,
      FilterEstimate networkQaPowerEstimate,
      BigInteger qaSectorPower) {
    return expectedRewardForPower(
        rewardEstimate,
        networkQaPowerEstimate,
        qaSectorPower,
        PRE_COMMIT_DEPOSIT_PROJECTION_PERIOD);
  }

  /**
   * The initial pledge to commit {@code qaPower}: BR(20 days) plus a share of 30% of the
   * circulating supply, capped at 1 FIL per 32 GiB.
   */
  public static TokenAmount initialPledgeForPower(
      BigInteger qaPower,
      BigInteger baselinePower,
      FilterEstimate rewardEstimate,
      FilterEstimate networkQaPowerEstimate,
      TokenAmount circulatingSupply) {
    BigInteger ipBase =
        expectedRewardForPower(
                rewardEstimate, networkQaPowerEstimate, qaPower, INITIAL_PLEDGE_PROJECTION_PERIOD)
            .atto();
    BigInteger lockTargetNum = INITIAL_PLEDGE_LOCK_TARGET_NUM.multiply(circulatingSupply.atto());
    BigInteger networkQaPower = networkQaPowerEstimate.estimate();
    BigInteger pledgeShareDenom = networkQaPower.max(baselinePower).max(qaPower);
    BigInteger additionalIpNum = lockTargetNum.multiply(qaPower);
    BigInteger additionalIpDenom = INITIAL_PLEDGE_LOCK_TARGET_DENOM.multiply(pledgeShareDenom);
    BigInteger additionalIp = Big.div(additionalIpNum, additionalIpDenom);
    BigInteger nominalPledge = ipBase.add(additionalIp);
    BigInteger spaceRacePledgeCap = INITIAL_PLEDGE_MAX_PER_BYTE.multiply(qaPower);
    return new TokenAmount(nominalPledge.min(spaceRacePledgeCap));
  }

  /** The penalty for a consensus fault: 5 block rewards' worth of one winner's share. */
  public static TokenAmount consensusFaultPenalty(TokenAmount thisEpochReward) {
    return new TokenAmount(
        Big.div(
            thisEpochReward.atto().multiply(BigInteger.valueOf(CONSENSUS_FAULT_FACTOR)),
            BigInteger.valueOf(Policy.EXPECTED_LEADERS_PER_EPOCH)));
  }

  /** The part of a reward to lock (all of it before network version 6, 75% after). */
  public static TokenAmount lockedRewardFromReward(TokenAmount reward, int nv) {
    if (nv >= 6) {
      return new TokenAmount(
          Big.div(
              reward.atto().multiply(LOCKED_REWARD_FACTOR_NUM_V6), LOCKED_REWARD_FACTOR_DENOM_V6));
    }
    return reward;
  }
}
