package io.filnode.actors.v2.power;

import static io.filnode.actors.v2.power.PowerHarness.ACCOUNT_CODE;
import static io.filnode.actors.v2.power.PowerHarness.MINER_CODE;
import static io.filnode.actors.v2.power.PowerHarness.MULTISIG_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsInit;
import io.filnode.actors.builtin.Builtin.MethodsPower;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.proof.SealVerifyInfo;
import io.filnode.actors.runtime.proof.SectorId;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.util.adt.Multimap;
import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.actors.v2.init.ExecParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Ported from specs-actors v2 power_test.go (test names in the nested classes and methods). */
class PowerActorTest {
  private static final Address OWNER = Address.newId(101);
  private static final BigInteger POWER_UNIT = BigInteger.valueOf(10L << 40);
  private static final BigInteger SMALL_POWER_UNIT = BigInteger.valueOf(1_000_000);

  private static BigInteger mul(BigInteger a, long b) {
    return a.multiply(BigInteger.valueOf(b));
  }

  private static List<Address> miners(int first, int count) {
    List<Address> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Address.newId(first + i));
    }
    return out;
  }

  @Nested
  class Construction {
    @Test
    void simpleConstruction() {
      PowerHarness h = new PowerHarness();
      PowerState st = h.state();
      assertThat(st.totalRawBytePower).isZero();
      assertThat(st.totalBytesCommitted).isZero();
      assertThat(st.totalQualityAdjPower).isZero();
      assertThat(st.totalQaBytesCommitted).isZero();
      assertThat(st.totalPledgeCollateral).isEqualTo(TokenAmount.ZERO);
      assertThat(st.thisEpochRawBytePower).isZero();
      assertThat(st.thisEpochQualityAdjPower).isZero();
      assertThat(st.thisEpochPledgeCollateral).isEqualTo(TokenAmount.ZERO);
      assertThat(st.thisEpochQaPowerSmoothed)
          .isEqualTo(
              FilterEstimate.of(
                  BigInteger.valueOf(750_000L << 30), BigInteger.valueOf(3_840L << 30)));
      assertThat(st.firstCronEpoch).isZero();
      assertThat(st.minerCount).isZero();
      assertThat(st.minerAboveMinPowerCount).isZero();
      assertThat(st.proofValidationBatch).isNull();
      Cid empty = AdtMap.create(h.rt.store(), PowerActor.HAMT).flush();
      assertThat(st.claims).isEqualTo(empty);
      assertThat(st.cronEventQueue).isEqualTo(empty);
      assertThat(h.rt.getState(r -> r.readRawValue())[0] & 0xFF).isEqualTo(0x80 | 15);
    }

    @Test
    void createMiner() {
      PowerHarness h = new PowerHarness();
      Address miner = Address.newId(103);
      h.createMiner(
          OWNER,
          OWNER,
          miner,
          Address.newActor("actor".getBytes(StandardCharsets.UTF_8)),
          "miner".getBytes(StandardCharsets.UTF_8),
          List.of(new byte[] {1}),
          PowerHarness.SEAL_PROOF_32GIB_V1_1,
          TokenAmount.ofAtto(10));
      PowerState st = h.state();
      assertThat(st.minerCount).isEqualTo(1);
      assertThat(st.totalQualityAdjPower).isZero();
      assertThat(st.totalRawBytePower).isZero();
      assertThat(st.minerAboveMinPowerCount).isZero();
      assertThat(h.getClaim(miner))
          .isEqualTo(
              new Claim(PowerHarness.SEAL_PROOF_32GIB_V1_1, BigInteger.ZERO, BigInteger.ZERO));
    }

    @Test
    void minerConstructorParamsEncodeAsGoDoes() {
      // owner f0101, worker f0101, no control addresses, proof 8, peer "miner", one multiaddr [1]
      byte[] bytes =
          PowerHarness.minerConstructorBytes(
              OWNER,
              OWNER,
              "miner".getBytes(StandardCharsets.UTF_8),
              List.of(new byte[] {1}),
              PowerHarness.SEAL_PROOF_32GIB_V1_1);
      assertThat(Hex.encode(bytes)).isEqualTo("86420065420065800845" + "6d696e6572" + "814101");
    }
  }

  @Nested
  class CreateMinerFailures {
    @Test
    void failsWhenCallerIsNotOfSignableType() {
      PowerHarness h = new PowerHarness();
      h.rt.setCaller(OWNER, MINER_CODE);
      h.rt.expectValidateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
      CreateMinerParams params = new CreateMinerParams(OWNER, OWNER, 8, new byte[0], List.of());
      h.rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN, () -> h.rt.call(h.actor, MethodsPower.CREATE_MINER, params));
    }

    @Test
    void failsIfSendToInitActorFails() {
      PowerHarness h = new PowerHarness();
      byte[] peer = "miner".getBytes(StandardCharsets.UTF_8);
      List<byte[]> addrs = List.<byte[]>of(new byte[] {1});
      h.rt
          .setCaller(OWNER, ACCOUNT_CODE)
          .setReceived(TokenAmount.ofAtto(10))
          .setBalance(TokenAmount.ofAtto(10));
      h.rt.expectValidateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
      h.rt.expectSend(
          Builtin.INIT_ACTOR_ADDR,
          MethodsInit.EXEC,
          new ExecParams(
              MINER_CODE, PowerHarness.minerConstructorBytes(OWNER, OWNER, peer, addrs, 5)),
          TokenAmount.ofAtto(10),
          null,
          ExitCode.ERR_INSUFFICIENT_FUNDS);
      h.rt.expectAbort(
          ExitCode.ERR_INSUFFICIENT_FUNDS,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsPower.CREATE_MINER,
                  new CreateMinerParams(OWNER, OWNER, 5, peer, addrs)));
      assertThat(h.state().minerCount).isZero();
    }
  }

  @Nested
  class UpdateClaimedPowerFailures {
    @Test
    void failsIfCallerIsNotAMiner() {
      PowerHarness h = new PowerHarness();
      h.rt.setCaller(OWNER, ACCOUNT_CODE);
      h.rt.expectValidateCallerType(MINER_CODE);
      h.rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsPower.UPDATE_CLAIMED_POWER,
                  new UpdateClaimedPowerParams(BigInteger.ONE, BigInteger.ONE)));
    }

    @Test
    void failsIfClaimDoesNotExistForCaller() {
      PowerHarness h = new PowerHarness();
      h.rt.setCaller(Address.newId(103), MINER_CODE);
      h.rt.expectValidateCallerType(MINER_CODE);
      h.rt.expectAbort(
          ExitCode.ERR_NOT_FOUND,
          () ->
              h.rt.call(
                  h.actor,
                  MethodsPower.UPDATE_CLAIMED_POWER,
                  new UpdateClaimedPowerParams(BigInteger.ONE, BigInteger.ONE)));
    }
  }

  @Nested
  class EnrollCronEpoch {
    private final Address miner = Address.newId(101);

    private List<CronEvent> enrolled(PowerHarness h, long epoch) {
      Multimap mm =
          Multimap.load(h.rt.store(), h.state().cronEventQueue, PowerActor.HAMT, PowerActor.AMT);
      return PowerState.loadCronEvents(mm, epoch);
    }

    @Test
    void enrollMultipleEvents() {
      PowerHarness h = new PowerHarness();
      h.enrollCronEvent(miner, 1, new byte[] {1, 2, 3});
      h.enrollCronEvent(miner, 1, new byte[] {2, 3, 4});
      h.enrollCronEvent(miner, 2, new byte[] {3, 4, 5});
      List<CronEvent> at1 = enrolled(h, 1);
      assertThat(at1).hasSize(2);
      assertThat(at1.get(0).minerAddr()).isEqualTo(miner);
      assertThat(at1.get(0).callbackPayload()).containsExactly(1, 2, 3);
      assertThat(at1.get(1).callbackPayload()).containsExactly(2, 3, 4);
      assertThat(enrolled(h, 2))
          .singleElement()
          .satisfies(e -> assertThat(e.callbackPayload()).containsExactly(3, 4, 5));
      assertThat(enrolled(h, 3)).isEmpty();
    }

    @Test
    void enrollForAnEpochBeforeTheCurrentEpoch() {
      PowerHarness h = new PowerHarness();
      h.rt.setEpoch(6);
      h.state();
      PowerState st = h.state();
      st.firstCronEpoch = 6;
      h.rt.replaceState(st);
      h.enrollCronEvent(miner, 4, new byte[0]);
      assertThat(h.state().firstCronEpoch).isEqualTo(4);
      h.enrollCronEvent(miner, 2, new byte[0]);
      assertThat(h.state().firstCronEpoch).isEqualTo(2);
    }

    @Test
    void failsIfEpochIsNegative() {
      PowerHarness h = new PowerHarness();
      h.rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT, () -> h.enrollCronEvent(miner, -2, new byte[] {1, 3}));
    }
  }

  @Nested
  class PowerAndPledgeAccounting {
    private final List<Address> m = miners(111, 5);

    @Test
    void powerAndPledgeAccountedBelowThreshold() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(OWNER, OWNER, m.get(0));
      h.createMinerBasic(OWNER, OWNER, m.get(1));
      CurrentTotalPowerReturn ret = h.currentPowerTotal();
      assertThat(ret.rawBytePower()).isZero();
      assertThat(ret.qualityAdjPower()).isZero();
      assertThat(ret.pledgeCollateral()).isEqualTo(TokenAmount.ZERO);

      h.updateClaimedPower(m.get(0), SMALL_POWER_UNIT, mul(SMALL_POWER_UNIT, 2));
      h.expectTotalPowerEager(SMALL_POWER_UNIT, mul(SMALL_POWER_UNIT, 2));

      h.updateClaimedPower(m.get(1), SMALL_POWER_UNIT, SMALL_POWER_UNIT);
      h.updatePledgeTotal(m.get(0), TokenAmount.ofAtto(1_000_000));
      h.expectTotalPowerEager(mul(SMALL_POWER_UNIT, 2), mul(SMALL_POWER_UNIT, 3));
      assertThat(h.state().totalPledgeCollateral).isEqualTo(TokenAmount.ofAtto(1_000_000));

      h.updateClaimedPower(m.get(1), SMALL_POWER_UNIT.negate(), SMALL_POWER_UNIT.negate());
      h.updatePledgeTotal(m.get(1), TokenAmount.ofAtto(-100_000));
      h.expectTotalPowerEager(SMALL_POWER_UNIT, mul(SMALL_POWER_UNIT, 2));
      assertThat(h.state().totalPledgeCollateral).isEqualTo(TokenAmount.ofAtto(900_000));
      assertThat(h.getClaim(m.get(1)).rawBytePower()).isZero();
      // The frozen values only change at the cron tick.
      assertThat(h.currentPowerTotal().rawBytePower()).isZero();
    }

    @Test
    void newMinerUpdatesMinerAboveMinPowerCountOnlyWithZeroMinimum() {
      for (int nv : new int[] {6, 7}) {
        for (long proof : new long[] {0, 3}) {
          PowerHarness h = new PowerHarness(nv);
          h.sealProof = proof;
          h.createMinerBasic(OWNER, OWNER, m.get(0));
          assertThat(h.state().minerAboveMinPowerCount).isZero();
        }
      }
    }

    @Test
    void powerAccountingCrossingThreshold() {
      PowerHarness h = new PowerHarness();
      for (Address a : m) {
        h.createMinerBasic(OWNER, OWNER, a);
      }
      h.updateClaimedPower(m.get(0), SMALL_POWER_UNIT, mul(SMALL_POWER_UNIT, 10));
      h.updateClaimedPower(m.get(1), SMALL_POWER_UNIT, mul(SMALL_POWER_UNIT, 10));
      for (int i = 2; i < 5; i++) {
        h.updateClaimedPower(m.get(i), POWER_UNIT, mul(POWER_UNIT, 10));
      }
      BigInteger expectedTotalBelow = mul(SMALL_POWER_UNIT, 2).add(mul(POWER_UNIT, 3));
      h.expectTotalPowerEager(expectedTotalBelow, mul(expectedTotalBelow, 10));

      // With ConsensusMinerMinMiners (4) above the threshold, small miners' power is ignored.
      BigInteger delta = POWER_UNIT.subtract(SMALL_POWER_UNIT);
      h.updateClaimedPower(m.get(1), delta, mul(delta, 10));
      BigInteger expectedTotalAbove = mul(POWER_UNIT, 4);
      h.expectTotalPowerEager(expectedTotalAbove, mul(expectedTotalAbove, 10));
      h.expectMinersAboveMinPower(4);

      h.updateClaimedPower(m.get(3), delta.negate(), mul(delta.negate(), 10));
      h.expectTotalPowerEager(expectedTotalBelow, mul(expectedTotalBelow, 10));
    }

    @Test
    void allOfOneMinersPowerDisappearsWhenItDipsBelowTheThreshold() {
      PowerHarness h = new PowerHarness();
      for (Address a : m) {
        h.createMinerBasic(OWNER, OWNER, a);
        h.updateClaimedPower(a, POWER_UNIT, POWER_UNIT);
      }
      h.expectTotalPowerEager(mul(POWER_UNIT, 5), mul(POWER_UNIT, 5));
      h.updateClaimedPower(m.get(3), SMALL_POWER_UNIT.negate(), SMALL_POWER_UNIT.negate());
      h.expectTotalPowerEager(mul(POWER_UNIT, 4), mul(POWER_UNIT, 4));
    }

    @Test
    void consensusMinimumPowerIsReachedExactlyAtTheLimit() {
      PowerHarness h = new PowerHarness();
      for (int i = 0; i < 4; i++) {
        h.createMinerBasic(OWNER, OWNER, m.get(i));
        h.updateClaimedPower(m.get(i), POWER_UNIT, POWER_UNIT);
      }
      h.expectMinersAboveMinPower(4);
      BigInteger expectedTotal = mul(POWER_UNIT, 4);
      // 64 GiB sectors (proof 9); in v2 every proof type's minimum is 10 TiB.
      h.createMiner(
          OWNER,
          OWNER,
          m.get(4),
          Address.newActor("m5".getBytes(StandardCharsets.UTF_8)),
          "m5".getBytes(StandardCharsets.UTF_8),
          List.of(),
          9,
          TokenAmount.ZERO);
      BigInteger power64Unit = PowerPolicy.consensusMinerMinPower(9).orElseThrow();
      BigInteger belowLimit = POWER_UNIT.divide(BigInteger.TWO);
      h.updateClaimedPower(m.get(4), belowLimit, belowLimit);
      h.expectMinersAboveMinPower(4);
      h.expectTotalPowerEager(expectedTotal, expectedTotal);

      BigInteger delta = power64Unit.subtract(belowLimit).subtract(BigInteger.ONE);
      h.updateClaimedPower(m.get(4), delta, delta);
      h.expectMinersAboveMinPower(4);
      h.expectTotalPowerEager(expectedTotal, expectedTotal);

      h.updateClaimedPower(m.get(4), BigInteger.ONE, BigInteger.ONE);
      h.expectMinersAboveMinPower(5);
      h.expectTotalPowerEager(expectedTotal.add(power64Unit), expectedTotal.add(power64Unit));
    }

    @Test
    void thresholdOnlyDependsOnRawPower() {
      PowerHarness h = new PowerHarness();
      BigInteger half = POWER_UNIT.divide(BigInteger.TWO);
      for (int i = 0; i < 4; i++) {
        h.createMinerBasic(OWNER, OWNER, m.get(i));
      }
      for (int i = 0; i < 3; i++) {
        h.updateClaimedPower(m.get(i), half, POWER_UNIT);
      }
      h.expectMinersAboveMinPower(0);
      for (int i = 0; i < 3; i++) {
        h.updateClaimedPower(m.get(i), half, POWER_UNIT);
      }
      h.expectMinersAboveMinPower(3);
    }

    @Test
    void qaPowerIsAboveThresholdBeforeAndAfterUpdate() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(OWNER, OWNER, m.get(0));
      h.updateClaimedPower(m.get(0), mul(POWER_UNIT, 3), mul(POWER_UNIT, 3));
      assertThat(h.state().totalQualityAdjPower).isEqualTo(mul(POWER_UNIT, 3));
      assertThat(h.state().totalRawBytePower).isEqualTo(mul(POWER_UNIT, 3));
      h.updateClaimedPower(m.get(0), POWER_UNIT, POWER_UNIT);
      assertThat(h.state().totalQualityAdjPower).isEqualTo(mul(POWER_UNIT, 4));
      assertThat(h.state().totalRawBytePower).isEqualTo(mul(POWER_UNIT, 4));
    }

    @Test
    void unsupportedSealProofFailsTheClaimUpdate() {
      PowerHarness h = new PowerHarness();
      h.sealProof = 42;
      // nv7 counts the new miner's stats, which needs the minimum of its proof type.
      h.rt.expectAbort(
          ExitCode.ERR_ILLEGAL_STATE, () -> h.createMinerBasic(OWNER, OWNER, m.get(0)));
    }
  }

  @Test
  void updatePledgeTotalAbortsIfMinerHasNoClaim() {
    PowerHarness h = new PowerHarness();
    h.rt.expectAbort(
        ExitCode.ERR_FORBIDDEN,
        () -> h.updatePledgeTotal(Address.newId(111), TokenAmount.ofAtto(1_000_000)));
  }

  @Test
  void method7IsGoneInV2() {
    PowerHarness h = new PowerHarness();
    h.rt.expectAbort(
        ExitCode.SYS_ERR_INVALID_METHOD,
        () -> h.actor.invoke(h.rt, MethodsPower.ON_CONSENSUS_FAULT, new byte[0]));
  }

  @Nested
  class Cron {
    private final Address miner1 = Address.newId(101);
    private final Address miner2 = Address.newId(102);
    private final Address owner = Address.newId(103);

    @Test
    void callsRewardActor() {
      PowerHarness h = new PowerHarness();
      h.onEpochTickEnd(1, BigInteger.ZERO, List.of(), Map.of());
    }

    @Test
    void amountSentToRewardActorAndStateChange() {
      PowerHarness h = new PowerHarness();
      List<Address> ms = miners(101, 4);
      for (Address a : ms) {
        h.createMinerBasic(owner, owner, a);
      }
      for (int i = 0; i < 4; i++) {
        h.updateClaimedPower(ms.get(0), POWER_UNIT, POWER_UNIT);
      }
      BigInteger expectedPower = mul(POWER_UNIT, 4);
      h.updatePledgeTotal(ms.get(0), TokenAmount.ofAtto(1));
      FilterEstimate before = h.state().thisEpochQaPowerSmoothed;
      h.onEpochTickEnd(0, expectedPower, List.of(), Map.of());
      PowerState st = h.state();
      assertThat(st.thisEpochPledgeCollateral).isEqualTo(TokenAmount.ofAtto(1));
      assertThat(st.thisEpochQualityAdjPower).isEqualTo(expectedPower);
      assertThat(st.thisEpochRawBytePower).isEqualTo(expectedPower);
      assertThat(st.thisEpochQaPowerSmoothed)
          .isEqualTo(
              io.filnode.actors.util.smoothing.AlphaBetaFilter.withDefaults(before)
                  .nextEstimate(expectedPower, 1));
      CurrentTotalPowerReturn ret = h.currentPowerTotal();
      assertThat(ret.rawBytePower()).isEqualTo(expectedPower);
      assertThat(ret.pledgeCollateral()).isEqualTo(TokenAmount.ofAtto(1));
    }

    @Test
    void eventScheduledInNullRoundCalledNextRound() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(owner, owner, miner1);
      h.createMinerBasic(owner, owner, miner2);
      h.rt.setEpoch(1);
      h.enrollCronEvent(miner1, 2, new byte[] {1, 3});
      h.enrollCronEvent(miner2, 4, new byte[] {2, 3});

      h.rt.expectBatchVerifySeals(Map.of(), Map.of(), null);
      h.expectOnDeferredCronEvent(miner1, new byte[] {1, 3}, ExitCode.OK);
      h.expectOnDeferredCronEvent(miner2, new byte[] {2, 3}, ExitCode.OK);
      h.expectUpdateNetworkKpi(BigInteger.ZERO);
      h.callOnEpochTickEnd(4);
      assertThat(h.state().firstCronEpoch).isEqualTo(5);
    }

    @Test
    void eventScheduledInPastCalledNextRound() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(owner, owner, miner1);
      h.onEpochTickEnd(4, BigInteger.ZERO, List.of(), Map.of());

      h.enrollCronEvent(miner1, 2, new byte[] {1, 3});
      h.rt.expectBatchVerifySeals(Map.of(), Map.of(), null);
      h.expectOnDeferredCronEvent(miner1, new byte[] {1, 3}, ExitCode.OK);
      h.expectUpdateNetworkKpi(BigInteger.ZERO);
      h.callOnEpochTickEnd(6);

      Multimap mm =
          Multimap.load(h.rt.store(), h.state().cronEventQueue, PowerActor.HAMT, PowerActor.AMT);
      assertThat(mm.get(Keys.signed(2))).isNull();
      assertThat(h.state().cronEventQueue)
          .isEqualTo(AdtMap.create(h.rt.store(), PowerActor.HAMT).flush());
    }

    @Test
    void skipsInvocationIfMinerHasNoClaim() {
      PowerHarness h = new PowerHarness();
      h.rt.setEpoch(1);
      h.createMinerBasic(owner, owner, miner1);
      h.createMinerBasic(owner, owner, miner2);
      h.enrollCronEvent(miner1, 2, new byte[0]);
      h.enrollCronEvent(miner2, 2, new byte[0]);
      h.deleteClaim(miner1);

      h.rt.expectBatchVerifySeals(Map.of(), Map.of(), null);
      h.expectOnDeferredCronEvent(miner2, new byte[0], ExitCode.OK);
      h.expectUpdateNetworkKpi(BigInteger.ZERO);
      h.callOnEpochTickEnd(2);
    }

    @Test
    void handlesFailedCall() {
      PowerHarness h = new PowerHarness();
      h.rt.setEpoch(1);
      h.createMinerBasic(owner, owner, miner1);
      h.createMinerBasic(owner, owner, miner2);
      h.enrollCronEvent(miner1, 2, new byte[0]);
      h.enrollCronEvent(miner2, 2, new byte[0]);
      h.updateClaimedPower(miner1, POWER_UNIT, POWER_UNIT);
      h.expectTotalPowerEager(POWER_UNIT, POWER_UNIT);
      h.expectMinersAboveMinPower(1);

      h.rt.expectBatchVerifySeals(Map.of(), Map.of(), null);
      h.expectOnDeferredCronEvent(miner1, new byte[0], ExitCode.ERR_ILLEGAL_STATE);
      h.expectOnDeferredCronEvent(miner2, new byte[0], ExitCode.OK);
      h.expectUpdateNetworkKpi(BigInteger.ZERO);
      h.callOnEpochTickEnd(2);

      // The failed miner's claim is removed with its power.
      h.expectTotalPowerEager(BigInteger.ZERO, BigInteger.ZERO);
      h.expectMinersAboveMinPower(0);
      assertThat(h.hasClaim(miner1)).isFalse();
      assertThat(h.state().minerCount).isEqualTo(1);

      h.onEpochTickEnd(3, BigInteger.ZERO, List.of(), Map.of());
    }

    @Test
    void failedCallDecrementsMinerCountFromNetworkVersion7() {
      for (int nv : new int[] {6, 7}) {
        PowerHarness h = new PowerHarness(nv);
        h.rt.setEpoch(1);
        h.createMinerBasic(owner, owner, miner1);
        assertThat(h.state().minerCount).isEqualTo(1);
        h.enrollCronEvent(miner1, 1, new byte[0]);

        h.rt.expectBatchVerifySeals(Map.of(), Map.of(), null);
        h.expectOnDeferredCronEvent(miner1, new byte[0], ExitCode.ERR_ILLEGAL_STATE);
        h.expectUpdateNetworkKpi(BigInteger.ZERO);
        h.callOnEpochTickEnd(2);
        assertThat(h.state().minerCount).isEqualTo(nv >= 7 ? 0 : 1);
      }
    }

    @Test
    void rewardActorFailureAbortsTheTick() {
      PowerHarness h = new PowerHarness();
      h.rt.expectBatchVerifySeals(Map.of(), Map.of(), null);
      h.rt.expectSend(
          Builtin.REWARD_ACTOR_ADDR,
          Builtin.MethodsReward.UPDATE_NETWORK_KPI,
          PowerHarness.bigInt(BigInteger.ZERO),
          TokenAmount.ZERO,
          null,
          ExitCode.ERR_ILLEGAL_STATE);
      h.rt.setCaller(Builtin.CRON_ACTOR_ADDR, PowerHarness.CRON_CODE);
      h.rt.expectValidateCallerAddr(Builtin.CRON_ACTOR_ADDR);
      h.rt.expectAbort(
          ExitCode.ERR_ILLEGAL_STATE,
          () -> h.rt.call(h.actor, MethodsPower.ON_EPOCH_TICK_END, null));
    }
  }

  static SealVerifyInfo sealInfo(int i) {
    return new SealVerifyInfo(
        0,
        new SectorId(0, i),
        List.of(),
        new byte[0],
        new byte[0],
        new byte[0],
        Cid.ofDagCbor(("commR-" + i).getBytes(StandardCharsets.UTF_8)),
        Cid.ofDagCbor(("commD-" + i).getBytes(StandardCharsets.UTF_8)));
  }

  @Nested
  class SubmitPoRepForBulkVerify {
    private final Address miner = Address.newId(101);

    @Test
    void registersPoRepAndChargesGas() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(OWNER, OWNER, miner);
      SealVerifyInfo info = sealInfo(0);
      h.submitPoRepForBulkVerify(miner, info);
      assertThat(h.rt.gasCharged()).isEqualTo(PowerActor.GAS_ON_SUBMIT_VERIFY_SEAL);
      PowerState st = h.state();
      assertThat(st.proofValidationBatch).isNotNull();
      Multimap mm =
          Multimap.load(h.rt.store(), st.proofValidationBatch, PowerActor.HAMT, PowerActor.AMT);
      AdtArray arr = mm.get(Keys.address(miner));
      assertThat(arr.length()).isEqualTo(1);
      assertThat(arr.get(0, SealVerifyInfo::decode).sealedCid()).isEqualTo(info.sealedCid());
    }

    @Test
    void abortsWhenTooManyPoReps() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(OWNER, OWNER, miner);
      for (int i = 0; i < PowerPolicy.MAX_MINER_PROVE_COMMITS_PER_EPOCH; i++) {
        h.submitPoRepForBulkVerify(miner, sealInfo(i));
      }
      h.rt.expectAbort(
          PowerActor.ERR_TOO_MANY_PROVE_COMMITS,
          () -> h.submitPoRepForBulkVerify(miner, sealInfo(200)));
      // Gas is charged only for the accepted submissions.
      assertThat(h.rt.gasCharged())
          .isEqualTo(
              PowerActor.GAS_ON_SUBMIT_VERIFY_SEAL * PowerPolicy.MAX_MINER_PROVE_COMMITS_PER_EPOCH);
    }

    @Test
    void abortsWhenMinerHasNoClaim() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(OWNER, OWNER, miner);
      h.deleteClaim(miner);
      h.rt.expectAbort(
          ExitCode.ERR_FORBIDDEN, () -> h.submitPoRepForBulkVerify(miner, sealInfo(0)));
    }
  }

  @Nested
  class CronBatchProofVerifies {
    private final Address miner1 = Address.newId(101);
    private final Address owner = Address.newId(102);

    private PowerHarness.ConfirmedSectorSend confirmed(Address miner, long... sectors) {
      List<Long> nums = new ArrayList<>();
      for (long s : sectors) {
        nums.add(s);
      }
      return new PowerHarness.ConfirmedSectorSend(miner, nums);
    }

    @Test
    void successWithOneMinerAndOneConfirmedSector() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(owner, owner, miner1);
      h.submitPoRepForBulkVerify(miner1, sealInfo(0));
      h.onEpochTickEnd(
          0, BigInteger.ZERO, List.of(confirmed(miner1, 0)), Map.of(miner1, List.of(sealInfo(0))));
    }

    @Test
    void duplicateSectorNumbersAreIgnoredForAMiner() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(owner, owner, miner1);
      h.submitPoRepForBulkVerify(miner1, sealInfo(1));
      h.submitPoRepForBulkVerify(miner1, sealInfo(1));
      h.submitPoRepForBulkVerify(miner1, sealInfo(2));
      h.onEpochTickEnd(
          0,
          BigInteger.ZERO,
          List.of(confirmed(miner1, 1, 2)),
          Map.of(miner1, List.of(sealInfo(1), sealInfo(1), sealInfo(2))));
    }

    @Test
    void skipsVerifyIfMinerHasNoClaim() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(owner, owner, miner1);
      h.submitPoRepForBulkVerify(miner1, sealInfo(1));
      h.deleteClaim(miner1);
      h.onEpochTickEnd(0, BigInteger.ZERO, List.of(), Map.of());
    }

    /** The miners are visited in HAMT order, which is not insertion order (as in Go's test). */
    @Test
    void multipleMinersAreConfirmedInHamtOrder() {
      PowerHarness h = new PowerHarness();
      List<Address> ms = miners(101, 4);
      for (Address a : ms) {
        h.createMinerBasic(owner, owner, a);
      }
      int[][] sectors = {{1, 2}, {3, 101}, {200, 201}, {300, 301}};
      Map<Address, List<SealVerifyInfo>> infos = new LinkedHashMap<>();
      for (int i = 0; i < 4; i++) {
        for (int s : sectors[i]) {
          h.submitPoRepForBulkVerify(ms.get(i), sealInfo(s));
        }
        infos.put(ms.get(i), List.of(sealInfo(sectors[i][0]), sealInfo(sectors[i][1])));
      }
      h.onEpochTickEnd(
          0,
          BigInteger.ZERO,
          List.of(
              confirmed(ms.get(0), 1, 2),
              confirmed(ms.get(2), 200, 201),
              confirmed(ms.get(3), 300, 301),
              confirmed(ms.get(1), 3, 101)),
          infos);
    }

    @Test
    void verificationForOneSectorFailsButOthersSucceed() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(owner, owner, miner1);
      for (int i = 1; i <= 3; i++) {
        h.submitPoRepForBulkVerify(miner1, sealInfo(i));
      }
      h.expectConfirmedSectors(List.of(confirmed(miner1, 1, 3)));
      h.rt.expectBatchVerifySeals(
          Map.of(miner1, List.of(sealInfo(1), sealInfo(2), sealInfo(3))),
          Map.of(miner1, List.of(true, false, true)),
          null);
      h.expectUpdateNetworkKpi(BigInteger.ZERO);
      h.callOnEpochTickEnd(0);
    }

    @Test
    void failsIfBatchVerifySealsFails() {
      PowerHarness h = new PowerHarness();
      h.createMinerBasic(owner, owner, miner1);
      h.submitPoRepForBulkVerify(miner1, sealInfo(1));
      Map<Address, List<SealVerifyInfo>> infos = Map.of(miner1, List.of(sealInfo(1)));
      h.rt.expectBatchVerifySeals(infos, PowerHarness.allValid(infos), "fail");
      h.rt.setCaller(Builtin.CRON_ACTOR_ADDR, PowerHarness.CRON_CODE);
      h.rt.expectValidateCallerAddr(Builtin.CRON_ACTOR_ADDR);
      h.rt.expectAbort(
          ExitCode.ERR_ILLEGAL_STATE,
          () -> h.rt.call(h.actor, MethodsPower.ON_EPOCH_TICK_END, null));
    }
  }
}
