package io.filnode.actors.v2.reward;

import io.filnode.actors.util.smoothing.AlphaBetaFilter;
import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/**
 * The v2 reward actor's state (specs-actors {@code reward.State}), a tuple of 11 fields. Mutable:
 * the actor changes it inside a state transaction.
 */
public final class RewardState implements CborEncodable {
  /** 36.266260308195979333 FIL: the simple reward of epoch 0, as the smoothed estimate's start. */
  public static final BigInteger INITIAL_REWARD_POSITION_ESTIMATE =
      new BigInteger("36266260308195979333");

  /** The change of simple minting between epochs 0 and 1, in attoFIL per epoch. */
  public static final BigInteger INITIAL_REWARD_VELOCITY_ESTIMATE =
      BigInteger.valueOf(-109897758509L);

  /** The cumulative realized power has to reach this for the effective network time to advance. */
  public BigInteger cumsumBaseline;

  /** Cumulative network raw power, each epoch capped at that epoch's baseline (byte-epochs). */
  public BigInteger cumsumRealized;

  /** The ceiling of the effective network time theta. */
  public long effectiveNetworkTime;

  /** The baseline power at {@link #effectiveNetworkTime}. */
  public BigInteger effectiveBaselinePower;

  /** The reward per unit of win count paid in the next non-null epoch (times 5 leaders). */
  public BigInteger thisEpochReward;

  public FilterEstimate thisEpochRewardSmoothed;

  /** The baseline power at {@link #epoch}. */
  public BigInteger thisEpochBaselinePower;

  /** The epoch for which the reward was computed. */
  public long epoch;

  /** Everything paid to block producers so far. */
  public BigInteger totalStoragePowerReward;

  public BigInteger simpleTotal;
  public BigInteger baselineTotal;

  @SuppressWarnings("TooManyParameters") // the state's tuple, field for field
  RewardState(
      BigInteger cumsumBaseline,
      BigInteger cumsumRealized,
      long effectiveNetworkTime,
      BigInteger effectiveBaselinePower,
      BigInteger thisEpochReward,
      FilterEstimate thisEpochRewardSmoothed,
      BigInteger thisEpochBaselinePower,
      long epoch,
      BigInteger totalStoragePowerReward,
      BigInteger simpleTotal,
      BigInteger baselineTotal) {
    this.cumsumBaseline = cumsumBaseline;
    this.cumsumRealized = cumsumRealized;
    this.effectiveNetworkTime = effectiveNetworkTime;
    this.effectiveBaselinePower = effectiveBaselinePower;
    this.thisEpochReward = thisEpochReward;
    this.thisEpochRewardSmoothed = thisEpochRewardSmoothed;
    this.thisEpochBaselinePower = thisEpochBaselinePower;
    this.epoch = epoch;
    this.totalStoragePowerReward = totalStoragePowerReward;
    this.simpleTotal = simpleTotal;
    this.baselineTotal = baselineTotal;
  }

  /** The state at construction: epoch -1 advanced once with {@code currRealizedPower}. */
  public static RewardState construct(BigInteger currRealizedPower) {
    RewardState st =
        new RewardState(
            BigInteger.ZERO,
            BigInteger.ZERO,
            0,
            RewardLogic.BASELINE_INITIAL_VALUE,
            BigInteger.ZERO,
            FilterEstimate.of(INITIAL_REWARD_POSITION_ESTIMATE, INITIAL_REWARD_VELOCITY_ESTIMATE),
            RewardLogic.initBaselinePower(),
            -1,
            BigInteger.ZERO,
            RewardLogic.DEFAULT_SIMPLE_TOTAL,
            RewardLogic.DEFAULT_BASELINE_TOTAL);
    st.updateToNextEpochWithReward(currRealizedPower);
    return st;
  }

  /** Advances one epoch without computing a reward (null rounds). */
  void updateToNextEpoch(BigInteger currRealizedPower) {
    epoch++;
    thisEpochBaselinePower = RewardLogic.baselinePowerFromPrev(thisEpochBaselinePower);
    cumsumRealized = cumsumRealized.add(thisEpochBaselinePower.min(currRealizedPower));
    while (cumsumRealized.compareTo(cumsumBaseline) > 0) {
      effectiveNetworkTime++;
      effectiveBaselinePower = RewardLogic.baselinePowerFromPrev(effectiveBaselinePower);
      cumsumBaseline = cumsumBaseline.add(effectiveBaselinePower);
    }
  }

  /** Advances one epoch and computes the reward for the next one. */
  void updateToNextEpochWithReward(BigInteger currRealizedPower) {
    BigInteger prevTheta =
        RewardLogic.computeRTheta(
            effectiveNetworkTime, effectiveBaselinePower, cumsumRealized, cumsumBaseline);
    updateToNextEpoch(currRealizedPower);
    BigInteger currTheta =
        RewardLogic.computeRTheta(
            effectiveNetworkTime, effectiveBaselinePower, cumsumRealized, cumsumBaseline);
    thisEpochReward =
        RewardLogic.computeReward(epoch, prevTheta, currTheta, simpleTotal, baselineTotal);
  }

  void updateSmoothedEstimates(long delta) {
    thisEpochRewardSmoothed =
        AlphaBetaFilter.withDefaults(thisEpochRewardSmoothed).nextEstimate(thisEpochReward, delta);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(11);
    w.writeBigInt(cumsumBaseline);
    w.writeBigInt(cumsumRealized);
    w.writeInt64(effectiveNetworkTime);
    w.writeBigInt(effectiveBaselinePower);
    w.writeBigInt(thisEpochReward);
    thisEpochRewardSmoothed.encode(w);
    w.writeBigInt(thisEpochBaselinePower);
    w.writeInt64(epoch);
    w.writeBigInt(totalStoragePowerReward);
    w.writeBigInt(simpleTotal);
    w.writeBigInt(baselineTotal);
  }

  public static RewardState decode(CborReader r) throws CborException {
    r.readTupleHeader(11, "reward.State");
    return new RewardState(
        r.readBigInt(),
        r.readBigInt(),
        r.readInt64(),
        r.readBigInt(),
        r.readBigInt(),
        FilterEstimate.decode(r),
        r.readBigInt(),
        r.readInt64(),
        r.readBigInt(),
        r.readBigInt(),
        r.readBigInt());
  }
}
