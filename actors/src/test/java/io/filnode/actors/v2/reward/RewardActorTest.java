package io.filnode.actors.v2.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.ApplyRewardParams;
import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMiner;
import io.filnode.actors.builtin.Builtin.MethodsReward;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Ported from specs-actors v2 reward_test.go. */
class RewardActorTest {
  private static final BigInteger EPOCH_ZERO_REWARD = new BigInteger("36266264293777134739");
  private static final Address WINNER = Address.newId(1000);
  private static final RewardActor ACTOR = new RewardActor();

  private static MockRuntime construct(BigInteger power) {
    MockRuntime rt =
        new MockRuntime(Builtin.REWARD_ACTOR_ADDR)
            .setCaller(Builtin.SYSTEM_ACTOR_ADDR, BuiltinActors.codeCid(ActorKind.SYSTEM, 2));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(ACTOR, MethodsReward.CONSTRUCTOR, bigInt(power))).isEmpty();
    rt.verify();
    return rt;
  }

  private static CborEncodable bigInt(BigInteger value) {
    return w -> w.writeBigInt(value);
  }

  private static RewardState state(MockRuntime rt) {
    return rt.getState(RewardState::decode);
  }

  private static AwardBlockRewardParams award(long penalty, long gasReward, long winCount) {
    return new AwardBlockRewardParams(
        WINNER, TokenAmount.ofAtto(penalty), TokenAmount.ofAtto(gasReward), winCount);
  }

  private static void awardBlockReward(
      MockRuntime rt, long penalty, long gasReward, long winCount, BigInteger expectedPayment) {
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    TokenAmount payment = TokenAmount.ofAtto(expectedPayment);
    rt.expectSend(
        WINNER,
        MethodsMiner.APPLY_REWARDS,
        new ApplyRewardParams(
            payment, TokenAmount.ofAtto(penalty * RewardActor.PENALTY_MULTIPLIER)),
        payment,
        null,
        ExitCode.OK);
    rt.call(ACTOR, MethodsReward.AWARD_BLOCK_REWARD, award(penalty, gasReward, winCount));
    rt.verify();
  }

  @Test
  void constructWithZeroPower() {
    RewardState st = state(construct(BigInteger.ZERO));
    assertThat(st.epoch).isZero();
    assertThat(st.thisEpochReward).isEqualTo(EPOCH_ZERO_REWARD);
    assertThat(st.thisEpochBaselinePower)
        .isEqualTo(RewardLogic.BASELINE_INITIAL_VALUE.subtract(BigInteger.ONE));
  }

  @Test
  void constructorOnlyForTheSystemActor() {
    MockRuntime rt =
        new MockRuntime(Builtin.REWARD_ACTOR_ADDR)
            .setCaller(Address.newId(101), BuiltinActors.codeCid(ActorKind.ACCOUNT, 2));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.SYS_ERR_FORBIDDEN,
        () -> rt.call(ACTOR, MethodsReward.CONSTRUCTOR, bigInt(BigInteger.ZERO)));
  }

  @Test
  void rejectsGasRewardExceedingBalance() {
    MockRuntime rt = construct(BigInteger.ZERO).setBalance(TokenAmount.ofAtto(9));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.ERR_ILLEGAL_STATE,
        () -> rt.call(ACTOR, MethodsReward.AWARD_BLOCK_REWARD, award(0, 10, 1)));
  }

  @Test
  void rejectsNegativePenaltyOrGasRewardAndZeroWinCount() {
    MockRuntime rt = construct(BigInteger.ZERO).setBalance(TokenAmount.ofFil(1));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () -> rt.call(ACTOR, MethodsReward.AWARD_BLOCK_REWARD, award(-1, 0, 1)));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () -> rt.call(ACTOR, MethodsReward.AWARD_BLOCK_REWARD, award(0, -1, 1)));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () -> rt.call(ACTOR, MethodsReward.AWARD_BLOCK_REWARD, award(0, 0, 0)));
  }

  @Test
  void unresolvableMinerIsNotFound() {
    MockRuntime rt = construct(BigInteger.ZERO).setBalance(TokenAmount.ofFil(1));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    AwardBlockRewardParams params =
        new AwardBlockRewardParams(
            Address.newActor(new byte[] {1, 2, 3}), TokenAmount.ZERO, TokenAmount.ZERO, 1);
    rt.expectAbort(
        ExitCode.ERR_NOT_FOUND, () -> rt.call(ACTOR, MethodsReward.AWARD_BLOCK_REWARD, params));
  }

  @Test
  void paysRewardAndTracksPenalty() {
    MockRuntime rt = construct(BigInteger.ZERO).setBalance(TokenAmount.ofFil(1_000_000_000));
    BigInteger expected =
        EPOCH_ZERO_REWARD.divide(BigInteger.valueOf(5)).add(BigInteger.valueOf(200));
    awardBlockReward(rt, 100, 200, 1, expected);
    assertThat(state(rt).totalStoragePowerReward)
        .isEqualTo(EPOCH_ZERO_REWARD.divide(BigInteger.valueOf(5)));
  }

  @Test
  void paysOutCurrentBalanceWhenRewardExceedsIt() {
    MockRuntime rt = construct(BigInteger.ONE).setBalance(TokenAmount.ofAtto(300));
    awardBlockReward(rt, 100, 0, 1, BigInteger.valueOf(300));
    assertThat(rt.balance()).isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void totalStoragePowerRewardTracksPayments() {
    MockRuntime rt = construct(BigInteger.ONE);
    RewardState st = state(rt);
    assertThat(st.totalStoragePowerReward).isZero();
    st.thisEpochReward = BigInteger.valueOf(5000);
    rt.replaceState(st);
    rt.setBalance(TokenAmount.ofAtto(3500)); // three full rewards and one partial
    awardBlockReward(rt, 0, 0, 1, BigInteger.valueOf(1000));
    awardBlockReward(rt, 0, 0, 1, BigInteger.valueOf(1000));
    awardBlockReward(rt, 0, 0, 1, BigInteger.valueOf(1000));
    awardBlockReward(rt, 0, 0, 1, BigInteger.valueOf(500));
    assertThat(state(rt).totalStoragePowerReward).isEqualTo(3500);
  }

  @Test
  void winCountMultipliesTheReward() {
    MockRuntime rt = construct(BigInteger.ONE);
    RewardState st = state(rt);
    st.thisEpochReward = BigInteger.valueOf(5000);
    rt.replaceState(st);
    rt.setBalance(TokenAmount.ofAtto(10_000));
    awardBlockReward(rt, 0, 7, 3, BigInteger.valueOf(3007));
  }

  @Test
  void burnsTheRewardWhenTheMinerRefusesIt() {
    MockRuntime rt = construct(BigInteger.ONE);
    RewardState st = state(rt);
    st.thisEpochReward = BigInteger.valueOf(5000);
    rt.replaceState(st);
    rt.setBalance(TokenAmount.ofAtto(3500));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    TokenAmount reward = TokenAmount.ofAtto(1000);
    rt.expectSend(
        WINNER,
        MethodsMiner.APPLY_REWARDS,
        new ApplyRewardParams(reward, TokenAmount.ZERO),
        reward,
        null,
        ExitCode.ERR_FORBIDDEN);
    rt.expectSend(
        Builtin.BURNT_FUNDS_ACTOR_ADDR, Builtin.METHOD_SEND, null, reward, null, ExitCode.OK);
    rt.call(ACTOR, MethodsReward.AWARD_BLOCK_REWARD, award(0, 0, 1));
    rt.verify();
  }

  @Test
  void thisEpochRewardReturnsTheStateValues() {
    MockRuntime rt = construct(BigInteger.ONE.shiftLeft(50));
    rt.expectValidateCallerAny();
    ThisEpochRewardReturn ret =
        rt.call(ACTOR, MethodsReward.THIS_EPOCH_REWARD, null, ThisEpochRewardReturn::decode);
    rt.verify();
    RewardState st = state(rt);
    assertThat(ret.thisEpochBaselinePower()).isEqualTo(st.thisEpochBaselinePower);
    assertThat(ret.thisEpochRewardSmoothed()).isEqualTo(st.thisEpochRewardSmoothed);
  }

  /** specs-actors TestSuccessiveKPIUpdates, plus a catch-up over null rounds. */
  @Test
  void successiveKpiUpdatesAdvanceOneEpochEach() {
    BigInteger power = BigInteger.ONE.shiftLeft(50);
    MockRuntime rt = construct(power);
    for (long epoch = 1; epoch <= 3; epoch++) {
      updateNetworkKpi(rt.setEpoch(epoch), power);
      assertThat(state(rt).epoch).isEqualTo(epoch + 1);
    }
    // Epochs 4..6 were null: the next update catches up to the current epoch, then one more.
    RewardState before = state(rt);
    updateNetworkKpi(rt.setEpoch(7), power);
    RewardState after = state(rt);
    assertThat(after.epoch).isEqualTo(8);
    BigInteger baseline = before.thisEpochBaselinePower;
    for (int i = 0; i < 4; i++) {
      baseline = RewardLogic.baselinePowerFromPrev(baseline);
    }
    assertThat(after.thisEpochBaselinePower).isEqualTo(baseline);
    assertThat(after.thisEpochRewardSmoothed).isNotEqualTo(before.thisEpochRewardSmoothed);
  }

  @Test
  void updateNetworkKpiOnlyFromThePowerActor() {
    MockRuntime rt = construct(BigInteger.ZERO);
    rt.setCaller(Builtin.SYSTEM_ACTOR_ADDR, BuiltinActors.codeCid(ActorKind.SYSTEM, 2));
    rt.expectValidateCallerAddr(Builtin.STORAGE_POWER_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.SYS_ERR_FORBIDDEN,
        () -> rt.call(ACTOR, MethodsReward.UPDATE_NETWORK_KPI, bigInt(BigInteger.ZERO)));
  }

  @Test
  void unknownMethodIsInvalid() {
    MockRuntime rt = construct(BigInteger.ZERO);
    rt.expectAbort(ExitCode.SYS_ERR_INVALID_METHOD, () -> ACTOR.invoke(rt, 5, new byte[0]));
  }

  private static void updateNetworkKpi(MockRuntime rt, BigInteger power) {
    rt.setCaller(
        Builtin.STORAGE_POWER_ACTOR_ADDR, BuiltinActors.codeCid(ActorKind.STORAGE_POWER, 2));
    rt.expectValidateCallerAddr(Builtin.STORAGE_POWER_ACTOR_ADDR);
    assertThat(rt.call(ACTOR, MethodsReward.UPDATE_NETWORK_KPI, bigInt(power))).isEmpty();
    rt.verify();
  }
}
