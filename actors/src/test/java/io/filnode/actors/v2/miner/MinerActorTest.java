package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.ApplyRewardParams;
import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.MinerAddrs;
import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.actors.v2.power.CurrentTotalPowerReturn;
import io.filnode.actors.v2.power.EnrollCronEventParams;
import io.filnode.actors.v2.reward.ThisEpochRewardReturn;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Actor-level tests ported from specs-actors miner_test.go (construction, cron, rewards). */
class MinerActorTest {
  private static final Cid ACCOUNT = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  private static final Cid INIT = BuiltinActors.codeCid(ActorKind.INIT, 2);
  private static final Cid POWER = BuiltinActors.codeCid(ActorKind.STORAGE_POWER, 2);
  private static final Cid REWARD = BuiltinActors.codeCid(ActorKind.REWARD, 2);

  private static final Address OWNER = Address.newId(100);
  private static final Address WORKER = Address.newId(101);
  private static final Address RECEIVER = Address.newId(1000);
  private static final Address WORKER_KEY = Address.newBls(new byte[48]);
  private static final List<Address> CONTROL = List.of(Address.newId(999), Address.newId(998));
  private static final byte[] PEER_ID = "peerID".getBytes(StandardCharsets.UTF_8);

  private final MinerActor actor = new MinerActor();

  private static MockRuntime runtime() {
    MockRuntime rt = new MockRuntime(RECEIVER);
    rt.setNetworkVersion(9);
    rt.setAddressActorType(OWNER, ACCOUNT);
    rt.setAddressActorType(WORKER, ACCOUNT);
    for (Address a : CONTROL) {
      rt.setAddressActorType(a, ACCOUNT);
    }
    return rt;
  }

  /** The harness's fixedHasher: the digest starts with the offset, big-endian. */
  private static void fixOffset(MockRuntime rt, long offset) {
    rt.setHasher(data -> ByteBuffer.allocate(32).putLong(offset).array());
  }

  private static EnrollCronEventParams cronParams(long epoch) {
    return new EnrollCronEventParams(
        epoch, new CronEventPayload(CronEventPayload.PROVING_DEADLINE).toCbor());
  }

  /** The harness's first cron epoch for a fixed offset (constructAndVerify in miner_test.go). */
  private static long firstCron(MockRuntime rt, long periodOffset) {
    long w = Policy.WPOST_CHALLENGE_WINDOW;
    long deadlineEnd = periodOffset + ((rt.epoch() - periodOffset) / w) * w;
    if (rt.epoch() >= periodOffset) {
      deadlineEnd += w;
    }
    return deadlineEnd - 1;
  }

  private void construct(MockRuntime rt, long expectedCronEpoch) {
    MinerConstructorParams params =
        new MinerConstructorParams(
            OWNER,
            WORKER,
            CONTROL,
            // the V1_1 proofs are allowed from network version 7, the V1 ones until 7
            rt.networkVersion() >= 7
                ? SealProofs.STACKED_DRG_32GIB_V1_1
                : SealProofs.STACKED_DRG_32GIB_V1,
            PEER_ID,
            List.of());
    rt.setCaller(Builtin.INIT_ACTOR_ADDR, INIT);
    rt.expectValidateCallerAddr(Builtin.INIT_ACTOR_ADDR);
    rt.expectSend(
        WORKER,
        Builtin.MethodsAccount.PUBKEY_ADDRESS,
        null,
        TokenAmount.ZERO,
        w -> WORKER_KEY.encode(w),
        ExitCode.OK);
    rt.expectSend(
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        Builtin.MethodsPower.ENROLL_CRON_EVENT,
        cronParams(expectedCronEpoch),
        TokenAmount.ZERO,
        null,
        ExitCode.OK);
    assertThat(rt.call(actor, Builtin.MethodsMiner.CONSTRUCTOR, params)).isEmpty();
    rt.verify();
  }

  @Test
  void simpleConstruction() {
    // TestConstruction "simple construction": the offset comes from blake2b over the receiver
    // and epoch 0, which gives a proving period start of -2222
    MockRuntime rt = runtime();
    long provingPeriodStart = -2222;
    long dlIdx = (0 - provingPeriodStart) / Policy.WPOST_CHALLENGE_WINDOW;
    long firstDeadlineClose = provingPeriodStart + (1 + dlIdx) * Policy.WPOST_CHALLENGE_WINDOW;
    construct(rt, firstDeadlineClose - 1);

    MinerState st = rt.getState(MinerState::decode);
    MinerInfo info = st.getInfo(rt.store());
    assertThat(info.owner()).isEqualTo(OWNER);
    assertThat(info.worker()).isEqualTo(WORKER);
    assertThat(info.controlAddresses()).isEqualTo(CONTROL);
    assertThat(info.peerId()).isEqualTo(PEER_ID);
    assertThat(info.multiaddrs()).isEmpty();
    assertThat(info.sealProofType()).isEqualTo(SealProofs.STACKED_DRG_32GIB_V1_1);
    assertThat(info.sectorSize()).isEqualTo(1L << 35);
    assertThat(info.windowPoStPartitionSectors()).isEqualTo(2349);
    assertThat(info.consensusFaultElapsed()).isEqualTo(-1);
    assertThat(st.preCommitDeposits()).isEqualTo(TokenAmount.ZERO);
    assertThat(st.lockedFunds()).isEqualTo(TokenAmount.ZERO);
    assertThat(st.provingPeriodStart()).isEqualTo(provingPeriodStart);
    assertThat(st.currentDeadline()).isEqualTo(dlIdx);
    Deadlines deadlines = st.loadDeadlines(rt.store());
    for (int i = 0; i < Policy.WPOST_PERIOD_DEADLINES; i++) {
      Deadline dl = deadlines.loadDeadline(rt.store(), i);
      assertThat(dl.postSubmissions().isEmpty()).isTrue();
      assertThat(dl.earlyTerminations().isEmpty()).isTrue();
      assertThat(dl.liveSectors()).isZero();
    }
    assertThat(st.earlyTerminations().isEmpty()).isTrue();
  }

  @Test
  void constructionRejectsNonAccountWorker() {
    MockRuntime rt = runtime();
    rt.setAddressActorType(WORKER, POWER);
    rt.setCaller(Builtin.INIT_ACTOR_ADDR, INIT);
    rt.expectValidateCallerAddr(Builtin.INIT_ACTOR_ADDR);
    rt.expectAbort(
        ExitCode.ERR_ILLEGAL_ARGUMENT,
        () ->
            rt.call(
                actor,
                Builtin.MethodsMiner.CONSTRUCTOR,
                new MinerConstructorParams(
                    OWNER,
                    WORKER,
                    List.of(),
                    SealProofs.STACKED_DRG_32GIB_V1_1,
                    PEER_ID,
                    List.of())));
  }

  @Test
  void controlAddressesReturnsOwnerWorkerAndControls() {
    MockRuntime rt = runtime();
    fixOffset(rt, 100);
    construct(rt, firstCron(rt, 100));
    rt.setCaller(Address.newId(5000), ACCOUNT);
    rt.expectValidateCallerAny();
    MinerAddrs addrs =
        rt.call(actor, Builtin.MethodsMiner.CONTROL_ADDRESSES, null, MinerAddrs::decode);
    rt.verify();
    assertThat(addrs).isEqualTo(new MinerAddrs(OWNER, WORKER, CONTROL));
  }

  private static final BigInteger NETWORK_POWER = BigInteger.ONE.shiftLeft(50);
  private static final FilterEstimate REWARD_ESTIMATE =
      FilterEstimate.of(BigInteger.TEN.multiply(BigInteger.TEN.pow(18)), BigInteger.ZERO);
  private static final FilterEstimate POWER_ESTIMATE =
      FilterEstimate.of(NETWORK_POWER, BigInteger.ZERO);

  private void cron(MockRuntime rt, long expectedEnrollment) {
    rt.setCaller(Builtin.STORAGE_POWER_ACTOR_ADDR, POWER);
    rt.expectValidateCallerAddr(Builtin.STORAGE_POWER_ACTOR_ADDR);
    rt.expectSend(
        Builtin.REWARD_ACTOR_ADDR,
        Builtin.MethodsReward.THIS_EPOCH_REWARD,
        null,
        TokenAmount.ZERO,
        new ThisEpochRewardReturn(REWARD_ESTIMATE, NETWORK_POWER),
        ExitCode.OK);
    rt.expectSend(
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        Builtin.MethodsPower.CURRENT_TOTAL_POWER,
        null,
        TokenAmount.ZERO,
        new CurrentTotalPowerReturn(NETWORK_POWER, NETWORK_POWER, TokenAmount.ZERO, POWER_ESTIMATE),
        ExitCode.OK);
    rt.expectSend(
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        Builtin.MethodsPower.ENROLL_CRON_EVENT,
        cronParams(expectedEnrollment),
        TokenAmount.ZERO,
        null,
        ExitCode.OK);
    rt.call(
        actor,
        Builtin.MethodsMiner.ON_DEFERRED_CRON_EVENT,
        new CronEventPayload(CronEventPayload.PROVING_DEADLINE));
    rt.verify();
  }

  @Test
  void deadlineCronOverEmptyPeriods() {
    // TestDeadlineCron "empty periods": offset 100, so the miner starts in the period before
    long periodOffset = 100;
    MockRuntime rt = runtime();
    fixOffset(rt, periodOffset);
    construct(rt, firstCron(rt, periodOffset));
    MinerState st = rt.getState(MinerState::decode);
    assertThat(st.provingPeriodStart()).isEqualTo(periodOffset - Policy.WPOST_PROVING_PERIOD);
    assertThat(st.currentDeadline()).isEqualTo(46);

    // two crons close the last deadlines of the period before; then one full period
    for (int i = 0; i < 2 + Policy.WPOST_PERIOD_DEADLINES; i++) {
      DeadlineInfo dl = rt.getState(MinerState::decode).deadlineInfo(rt.epoch());
      rt.setEpoch(dl.last());
      long next = dl.last() + Policy.WPOST_CHALLENGE_WINDOW;
      cron(rt, next);
      st = rt.getState(MinerState::decode);
      if (i == 1) {
        assertThat(st.provingPeriodStart()).isEqualTo(periodOffset);
        assertThat(st.currentDeadline()).isZero();
      }
    }
    assertThat(st.provingPeriodStart()).isEqualTo(periodOffset + Policy.WPOST_PROVING_PERIOD);
    assertThat(st.currentDeadline()).isZero();
  }

  private void applyRewards(MockRuntime rt, TokenAmount amt, TokenAmount penalty) {
    TokenAmount lockAmt = Monies.lockedRewardFromReward(amt, rt.networkVersion());
    TokenAmount pledgeDelta = lockAmt.subtract(penalty);
    rt.setCaller(Builtin.REWARD_ACTOR_ADDR, REWARD);
    rt.expectValidateCallerAddr(Builtin.REWARD_ACTOR_ADDR);
    rt.expectSend(
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        Builtin.MethodsPower.UPDATE_PLEDGE_TOTAL,
        w -> pledgeDelta.encode(w),
        TokenAmount.ZERO,
        null,
        ExitCode.OK);
    if (penalty.signum() > 0) {
      rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR, Builtin.METHOD_SEND, null, penalty, null, ExitCode.OK);
    }
    rt.call(actor, Builtin.MethodsMiner.APPLY_REWARDS, new ApplyRewardParams(amt, penalty));
    rt.verify();
  }

  @Test
  void rewardsAreLockedAllBeforeVersion6AndThreeQuartersAfter() {
    // TestApplyRewards "funds are locked"
    for (int nv : new int[] {5, 6}) {
      MockRuntime rt = runtime();
      rt.setNetworkVersion(nv);
      rt.setBalance(TokenAmount.ofFil(1_000_000));
      fixOffset(rt, 1808);
      construct(rt, firstCron(rt, 1808));
      applyRewards(rt, TokenAmount.ofAtto(1_000_000), TokenAmount.ZERO);
      TokenAmount expected = TokenAmount.ofAtto(nv == 5 ? 1_000_000 : 750_000);
      assertThat(rt.getState(MinerState::decode).lockedFunds()).isEqualTo(expected);
    }
  }

  @Test
  void rewardsVestOnQuantizedEpochs() {
    // TestApplyRewards "funds vest"
    long periodOffset = 1808;
    MockRuntime rt = runtime();
    rt.setBalance(TokenAmount.ofFil(1_000_000));
    fixOffset(rt, periodOffset);
    construct(rt, firstCron(rt, periodOffset));
    applyRewards(rt, TokenAmount.ofAtto(600_000), TokenAmount.ZERO);
    MinerState st = rt.getState(MinerState::decode);
    List<VestingFund> funds = st.loadVestingFunds(rt.store()).funds();
    assertThat(funds).hasSize(180);
    QuantSpec quant = new QuantSpec(Policy.REWARD_VESTING_SPEC.quantization(), periodOffset);
    for (int i = 0; i < funds.size(); i++) {
      long step = (i + 1) * Policy.REWARD_VESTING_SPEC.stepDuration();
      assertThat(funds.get(i).epoch()).isEqualTo(quant.quantizeUp(rt.epoch() + step));
    }
    assertThat(st.lockedFunds())
        .isEqualTo(Monies.lockedRewardFromReward(TokenAmount.ofAtto(600_000), rt.networkVersion()));
  }

  @Test
  void penaltyIsBurnt() {
    // TestApplyRewards "penalty is burnt": paid from the newly locked funds
    MockRuntime rt = runtime();
    rt.setBalance(TokenAmount.ofFil(1_000_000));
    fixOffset(rt, 1808);
    construct(rt, firstCron(rt, 1808));
    TokenAmount rwd = TokenAmount.ofAtto(600_000);
    TokenAmount penalty = TokenAmount.ofAtto(300_000);
    rt.setBalance(rt.balance().add(rwd));
    applyRewards(rt, rwd, penalty);
    assertThat(rt.getState(MinerState::decode).lockedFunds())
        .isEqualTo(Monies.lockedRewardFromReward(rwd, rt.networkVersion()).subtract(penalty));
  }

  /** Like {@link #cron} with the power change and burn a deadline end may cause. */
  private void cronWith(
      MockRuntime rt, long expectedEnrollment, PowerPair powerDelta, TokenAmount burn) {
    rt.setCaller(Builtin.STORAGE_POWER_ACTOR_ADDR, POWER);
    rt.expectValidateCallerAddr(Builtin.STORAGE_POWER_ACTOR_ADDR);
    rt.expectSend(
        Builtin.REWARD_ACTOR_ADDR,
        Builtin.MethodsReward.THIS_EPOCH_REWARD,
        null,
        TokenAmount.ZERO,
        new ThisEpochRewardReturn(REWARD_ESTIMATE, NETWORK_POWER),
        ExitCode.OK);
    rt.expectSend(
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        Builtin.MethodsPower.CURRENT_TOTAL_POWER,
        null,
        TokenAmount.ZERO,
        new CurrentTotalPowerReturn(NETWORK_POWER, NETWORK_POWER, TokenAmount.ZERO, POWER_ESTIMATE),
        ExitCode.OK);
    if (!powerDelta.isZero()) {
      rt.expectSend(
          Builtin.STORAGE_POWER_ACTOR_ADDR,
          Builtin.MethodsPower.UPDATE_CLAIMED_POWER,
          new io.filnode.actors.v2.power.UpdateClaimedPowerParams(
              powerDelta.raw(), powerDelta.qa()),
          TokenAmount.ZERO,
          null,
          ExitCode.OK);
    }
    if (burn.signum() > 0) {
      rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR, Builtin.METHOD_SEND, null, burn, null, ExitCode.OK);
    }
    rt.expectSend(
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        Builtin.MethodsPower.ENROLL_CRON_EVENT,
        cronParams(expectedEnrollment),
        TokenAmount.ZERO,
        null,
        ExitCode.OK);
    rt.call(
        actor,
        Builtin.MethodsMiner.ON_DEFERRED_CRON_EVENT,
        new CronEventPayload(CronEventPayload.PROVING_DEADLINE));
    rt.verify();
  }

  @Test
  void cronDetectsMissedPostAndThenChargesContinuedFaults() {
    // Sectors assigned as ConfirmSectorProofsValid does, never proven: the deadline's first end
    // marks them faulty (no power was active, so no power change and no penalty); the next
    // period's end charges the continued-fault penalty on that faulty power, paid from balance.
    long periodOffset = 100;
    MockRuntime rt = runtime();
    rt.setBalance(TokenAmount.ofFil(1_000_000));
    fixOffset(rt, periodOffset);
    construct(rt, firstCron(rt, periodOffset));
    MinerState st = rt.getState(MinerState::decode);
    long activation = 0;
    List<SectorOnChainInfo> sectors =
        List.of(sector(1, activation), sector(2, activation), sector(3, activation));
    st.putSectors(rt.store(), sectors);
    st.assignSectorsToDeadlines(rt.store(), 0, sectors, 2349, 32L << 30);
    rt.replaceState(st);
    Deadlines dls = st.loadDeadlines(rt.store());
    int dlIdx = -1;
    for (int i = 0; i < Policy.WPOST_PERIOD_DEADLINES && dlIdx < 0; i++) {
      if (dls.loadDeadline(rt.store(), i).liveSectors() > 0) {
        dlIdx = i;
      }
    }
    assertThat(dlIdx).isNotNegative();
    PowerPair faultyPower = ExpirationQueue.powerForSectors(32L << 30, sectors);

    boolean detected = false;
    boolean charged = false;
    for (int n = 0; n < 2 + 2 * Policy.WPOST_PERIOD_DEADLINES && !charged; n++) {
      MinerState before = rt.getState(MinerState::decode);
      DeadlineInfo dl = before.deadlineInfo(rt.epoch());
      rt.setEpoch(dl.last());
      // the period has started if the cron epoch (the deadline's last) is in it
      boolean sectorsHere = dl.index() == dlIdx && dl.last() >= dl.periodStart();
      TokenAmount burn = TokenAmount.ZERO;
      if (sectorsHere && detected) {
        burn =
            Monies.pledgePenaltyForContinuedFault(
                REWARD_ESTIMATE, POWER_ESTIMATE, faultyPower.qa());
        charged = true;
      }
      cronWith(rt, dl.last() + Policy.WPOST_CHALLENGE_WINDOW, PowerPair.ZERO, burn);
      if (sectorsHere && !detected) {
        detected = true;
        Deadline after =
            rt.getState(MinerState::decode)
                .loadDeadlines(rt.store())
                .loadDeadline(rt.store(), dlIdx);
        assertThat(after.faultyPower()).isEqualTo(faultyPower);
      }
    }
    assertThat(detected).isTrue();
    assertThat(charged).isTrue();
    assertThat(rt.getState(MinerState::decode).feeDebt()).isEqualTo(TokenAmount.ZERO);
  }

  private static SectorOnChainInfo sector(long number, long activation) {
    return new SectorOnChainInfo(
        number,
        SealProofs.STACKED_DRG_32GIB_V1_1,
        MinerFixtures.commR("s" + number),
        List.of(),
        activation,
        activation + 200 * Policy.EPOCHS_IN_DAY,
        BigInteger.ZERO,
        BigInteger.ZERO,
        TokenAmount.ofAtto(1000),
        TokenAmount.ZERO,
        TokenAmount.ZERO,
        0,
        TokenAmount.ZERO);
  }

  @Test
  void unknownMethodIsRejected() {
    MockRuntime rt = runtime();
    rt.expectAbort(ExitCode.SYS_ERR_INVALID_METHOD, () -> rt.call(actor, 24, null));
  }
}
