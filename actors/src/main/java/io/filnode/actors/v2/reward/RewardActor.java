package io.filnode.actors.v2.reward;

import io.filnode.actors.builtin.ApplyRewardParams;
import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMiner;
import io.filnode.actors.builtin.Builtin.MethodsReward;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.util.math.GoBig;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

/**
 * The v2 reward actor (specs-actors {@code reward.Actor}): holds the FIL still to be minted, pays
 * each block's reward to its miner, and recomputes the next epoch's reward from the network power
 * the power actor reports at the end of every non-null epoch.
 */
public final class RewardActor implements ActorCode {
  /** The factor by which a block's penalty is scaled up before the miner pays it. */
  public static final int PENALTY_MULTIPLIER = 3;

  /** builtin.ExpectedLeadersPerEpoch: the reward per epoch is shared by this many win counts. */
  public static final long EXPECTED_LEADERS_PER_EPOCH = 5;

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == MethodsReward.CONSTRUCTOR) {
      constructor(rt, Params.decode(rt, params, CborReader::readBigInt));
      return new byte[0];
    } else if (method == MethodsReward.AWARD_BLOCK_REWARD) {
      awardBlockReward(rt, Params.decode(rt, params, AwardBlockRewardParams::decode));
      return new byte[0];
    } else if (method == MethodsReward.THIS_EPOCH_REWARD) {
      return thisEpochReward(rt).toCbor();
    } else if (method == MethodsReward.UPDATE_NETWORK_KPI) {
      updateNetworkKpi(rt, Params.decode(rt, params, CborReader::readBigInt));
      return new byte[0];
    }
    throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
  }

  static void constructor(Runtime rt, BigInteger currRealizedPower) {
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    rt.stateCreate(RewardState.construct(currRealizedPower));
  }

  /**
   * Pays the block reward for {@code winCount} wins plus the block's gas reward (which the VM sent
   * along) to the miner, with 3 times the penalty for the miner to burn; if the miner does not
   * accept it, the whole amount is burnt instead.
   */
  static void awardBlockReward(Runtime rt, AwardBlockRewardParams params) {
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    TokenAmount priorBalance = rt.currentBalance();
    if (params.penalty().signum() < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "negative penalty %s", params.penalty());
    }
    if (params.gasReward().signum() < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "negative gas reward %s", params.gasReward());
    }
    if (priorBalance.compareTo(params.gasReward()) < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_STATE,
          "actor current balance %s insufficient to pay gas reward %s",
          priorBalance,
          params.gasReward());
    }
    if (params.winCount() <= 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "invalid win count %d", params.winCount());
    }
    Address minerAddr =
        rt.resolveAddress(params.miner())
            .orElseThrow(
                () ->
                    new ActorException(
                        ExitCode.ERR_NOT_FOUND, "failed to resolve given owner address"));
    TokenAmount penalty = params.penalty().multiply(PENALTY_MULTIPLIER);

    TokenAmount totalReward =
        rt.stateTransaction(
            RewardState::decode,
            st -> {
              BigInteger blockReward =
                  GoBig.div(
                      st.thisEpochReward.multiply(BigInteger.valueOf(params.winCount())),
                      BigInteger.valueOf(EXPECTED_LEADERS_PER_EPOCH));
              BigInteger total = blockReward.add(params.gasReward().atto());
              BigInteger currBalance = rt.currentBalance().atto();
              if (total.compareTo(currBalance) > 0) {
                // Pay out what is left; the gas reward fits (checked above), so this is >= 0.
                total = currBalance;
                blockReward = total.subtract(params.gasReward().atto());
                if (blockReward.signum() < 0) {
                  throw new IllegalStateException("block reward " + blockReward + " below zero");
                }
              }
              st.totalStoragePowerReward = st.totalStoragePowerReward.add(blockReward);
              return TokenAmount.ofAtto(total);
            });
    if (totalReward.compareTo(priorBalance) > 0) {
      throw new IllegalStateException("reward " + totalReward + " exceeds balance " + priorBalance);
    }

    // A failure here is the miner's; the reward is burnt rather than failing the block.
    ApplyRewardParams rewardParams = new ApplyRewardParams(totalReward, penalty);
    if (!rt.send(minerAddr, MethodsMiner.APPLY_REWARDS, rewardParams, totalReward).isSuccess()) {
      rt.send(Builtin.BURNT_FUNDS_ACTOR_ADDR, Builtin.METHOD_SEND, null, totalReward);
    }
  }

  /** The smoothed reward estimate and the baseline power for this epoch. */
  static ThisEpochRewardReturn thisEpochReward(Runtime rt) {
    rt.validateImmediateCallerAcceptAny();
    RewardState st = rt.stateReadonly(RewardState::decode);
    return new ThisEpochRewardReturn(st.thisEpochRewardSmoothed, st.thisEpochBaselinePower);
  }

  /**
   * Called by the power actor at the end of each non-null epoch with the network's raw power:
   * catches up over null epochs, then computes the next epoch's reward and smooths it.
   */
  static void updateNetworkKpi(Runtime rt, BigInteger currRealizedPower) {
    rt.validateImmediateCallerIs(Builtin.STORAGE_POWER_ACTOR_ADDR);
    rt.stateTransaction(
        RewardState::decode,
        st -> {
          long prev = st.epoch;
          while (st.epoch < rt.currEpoch()) {
            st.updateToNextEpoch(currRealizedPower);
          }
          st.updateToNextEpochWithReward(currRealizedPower);
          st.updateSmoothedEstimates(st.epoch - prev);
          return null;
        });
  }
}
