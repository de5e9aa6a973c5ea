package io.filnode.actors.v2.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsInit;
import io.filnode.actors.builtin.Builtin.MethodsMiner;
import io.filnode.actors.builtin.Builtin.MethodsPower;
import io.filnode.actors.builtin.Builtin.MethodsReward;
import io.filnode.actors.builtin.ConfirmSectorProofsParams;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.proof.SealVerifyInfo;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.v2.init.ExecParams;
import io.filnode.actors.v2.init.ExecReturn;
import io.filnode.actors.v2.miner.MinerConstructorParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The specs-actors power_test.go harness (spActorHarness), for the power actor tests. */
final class PowerHarness {
  static final Cid MINER_CODE = BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2);
  static final Cid ACCOUNT_CODE = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  static final Cid MULTISIG_CODE = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);
  static final Cid CRON_CODE = BuiltinActors.codeCid(ActorKind.CRON, 2);
  static final long SEAL_PROOF_32GIB_V1_1 = 8;

  final PowerActor actor = new PowerActor();
  final MockRuntime rt;
  long sealProof = SEAL_PROOF_32GIB_V1_1;
  private int minerSeq;

  PowerHarness(int networkVersion) {
    rt =
        new MockRuntime(Builtin.STORAGE_POWER_ACTOR_ADDR)
            .setNetworkVersion(networkVersion)
            .setCaller(Builtin.SYSTEM_ACTOR_ADDR, BuiltinActors.codeCid(ActorKind.SYSTEM, 2));
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(actor, MethodsPower.CONSTRUCTOR, null)).isEmpty();
    rt.verify();
  }

  PowerHarness() {
    this(7);
  }

  PowerState state() {
    return rt.getState(PowerState::decode);
  }

  static CborEncodable bigInt(BigInteger value) {
    return w -> w.writeBigInt(value);
  }

  static byte[] minerConstructorBytes(
      Address owner, Address worker, byte[] peer, List<byte[]> multiaddrs, long sealProof) {
    return new MinerConstructorParams(owner, worker, List.of(), sealProof, peer, multiaddrs)
        .toCbor();
  }

  void createMiner(
      Address owner,
      Address worker,
      Address miner,
      Address robust,
      byte[] peer,
      List<byte[]> multiaddrs,
      long sealProofType,
      TokenAmount value) {
    long prevMinerCount = state().minerCount;
    rt.setCaller(owner, ACCOUNT_CODE).setReceived(value).setBalance(value);
    rt.expectValidateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
    ExecParams exec =
        new ExecParams(
            MINER_CODE, minerConstructorBytes(owner, worker, peer, multiaddrs, sealProofType));
    rt.expectSend(
        Builtin.INIT_ACTOR_ADDR,
        MethodsInit.EXEC,
        exec,
        value,
        new ExecReturn(miner, robust),
        ExitCode.OK);
    CreateMinerReturn ret =
        rt.call(
            actor,
            MethodsPower.CREATE_MINER,
            new CreateMinerParams(owner, worker, sealProofType, peer, multiaddrs),
            CreateMinerReturn::decode);
    rt.verify();
    assertThat(ret).isEqualTo(new CreateMinerReturn(miner, robust));
    Claim claim = getClaim(miner);
    assertThat(claim.rawBytePower()).isZero();
    assertThat(claim.qualityAdjPower()).isZero();
    assertThat(state().minerCount).isEqualTo(prevMinerCount + 1);
  }

  void createMinerBasic(Address owner, Address worker, Address miner) {
    String label = Integer.toString(minerSeq++);
    createMiner(
        owner,
        worker,
        miner,
        Address.newActor(label.getBytes(StandardCharsets.UTF_8)),
        label.getBytes(StandardCharsets.UTF_8),
        List.of(),
        sealProof,
        TokenAmount.ZERO);
  }

  Claim getClaim(Address miner) {
    AdtMap claims = AdtMap.load(rt.store(), state().claims, PowerActor.HAMT);
    Claim claim = PowerState.getClaim(claims, miner);
    assertThat(claim).as("claim of %s", miner).isNotNull();
    return claim;
  }

  boolean hasClaim(Address miner) {
    AdtMap claims = AdtMap.load(rt.store(), state().claims, PowerActor.HAMT);
    return claims.has(Keys.address(miner));
  }

  /** Deletes a claim behind the actor's back, as the Go harness does. */
  void deleteClaim(Address miner) {
    PowerState st = state();
    AdtMap claims = AdtMap.load(rt.store(), st.claims, PowerActor.HAMT);
    assertThat(claims.delete(Keys.address(miner))).isTrue();
    st.claims = claims.flush();
    rt.replaceState(st);
  }

  void updateClaimedPower(Address miner, BigInteger rawDelta, BigInteger qaDelta) {
    Claim prev = getClaim(miner);
    rt.setCaller(miner, MINER_CODE);
    rt.expectValidateCallerType(MINER_CODE);
    rt.call(
        actor, MethodsPower.UPDATE_CLAIMED_POWER, new UpdateClaimedPowerParams(rawDelta, qaDelta));
    rt.verify();
    Claim now = getClaim(miner);
    assertThat(now.rawBytePower()).isEqualTo(prev.rawBytePower().add(rawDelta));
    assertThat(now.qualityAdjPower()).isEqualTo(prev.qualityAdjPower().add(qaDelta));
  }

  void updatePledgeTotal(Address miner, TokenAmount delta) {
    TokenAmount prev = state().totalPledgeCollateral;
    rt.setCaller(miner, MINER_CODE);
    rt.expectValidateCallerType(MINER_CODE);
    rt.call(actor, MethodsPower.UPDATE_PLEDGE_TOTAL, delta::encode);
    rt.verify();
    assertThat(state().totalPledgeCollateral).isEqualTo(prev.add(delta));
  }

  CurrentTotalPowerReturn currentPowerTotal() {
    rt.expectValidateCallerAny();
    CurrentTotalPowerReturn ret =
        rt.call(actor, MethodsPower.CURRENT_TOTAL_POWER, null, CurrentTotalPowerReturn::decode);
    rt.verify();
    return ret;
  }

  void enrollCronEvent(Address miner, long epoch, byte[] payload) {
    rt.setCaller(miner, MINER_CODE);
    rt.expectValidateCallerType(MINER_CODE);
    rt.call(actor, MethodsPower.ENROLL_CRON_EVENT, new EnrollCronEventParams(epoch, payload));
    rt.verify();
  }

  void submitPoRepForBulkVerify(Address miner, SealVerifyInfo info) {
    rt.setCaller(miner, MINER_CODE);
    rt.expectValidateCallerType(MINER_CODE);
    rt.call(actor, MethodsPower.SUBMIT_POREP_FOR_BULK_VERIFY, info);
    rt.verify();
  }

  /** A miner and the sector numbers it is expected to get confirmed. */
  record ConfirmedSectorSend(Address miner, List<Long> sectorNums) {}

  void expectUpdateNetworkKpi(BigInteger rawPower) {
    rt.expectSend(
        Builtin.REWARD_ACTOR_ADDR,
        MethodsReward.UPDATE_NETWORK_KPI,
        bigInt(rawPower),
        TokenAmount.ZERO,
        null,
        ExitCode.OK);
  }

  void expectConfirmedSectors(List<ConfirmedSectorSend> confirmed) {
    for (ConfirmedSectorSend cs : confirmed) {
      rt.expectSend(
          cs.miner(),
          MethodsMiner.CONFIRM_SECTOR_PROOFS_VALID,
          new ConfirmSectorProofsParams(cs.sectorNums()),
          TokenAmount.ZERO,
          null,
          ExitCode.OK);
    }
  }

  void expectOnDeferredCronEvent(Address miner, byte[] payload, int exitCode) {
    rt.expectSend(
        miner,
        MethodsMiner.ON_DEFERRED_CRON_EVENT,
        w -> w.writeRaw(payload),
        TokenAmount.ZERO,
        null,
        exitCode);
  }

  /** Calls OnEpochTickEnd as cron; expectations on sends must be set before. */
  void callOnEpochTickEnd(long epoch) {
    rt.setEpoch(epoch);
    rt.setCaller(Builtin.CRON_ACTOR_ADDR, CRON_CODE);
    rt.expectValidateCallerAddr(Builtin.CRON_ACTOR_ADDR);
    assertThat(rt.call(actor, MethodsPower.ON_EPOCH_TICK_END, null)).isEmpty();
    rt.verify();
  }

  void onEpochTickEnd(
      long epoch,
      BigInteger expectedRawPower,
      List<ConfirmedSectorSend> confirmed,
      Map<Address, List<SealVerifyInfo>> infos) {
    expectConfirmedSectors(confirmed);
    rt.expectBatchVerifySeals(infos, allValid(infos), null);
    expectUpdateNetworkKpi(expectedRawPower);
    callOnEpochTickEnd(epoch);
    assertThat(state().proofValidationBatch).isNull();
  }

  static Map<Address, List<Boolean>> allValid(Map<Address, List<SealVerifyInfo>> infos) {
    Map<Address, List<Boolean>> out = new LinkedHashMap<>();
    infos.forEach(
        (a, list) -> {
          List<Boolean> ok = new ArrayList<>();
          list.forEach(i -> ok.add(true));
          out.put(a, ok);
        });
    return out;
  }

  void expectTotalPowerEager(BigInteger raw, BigInteger qa) {
    PowerState.TotalPower total = state().currentTotalPower();
    assertThat(total.rawBytePower()).isEqualTo(raw);
    assertThat(total.qualityAdjPower()).isEqualTo(qa);
  }

  void expectMinersAboveMinPower(long count) {
    assertThat(state().minerAboveMinPowerCount).isEqualTo(count);
  }
}
