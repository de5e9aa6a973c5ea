package io.filnode.actors.v2.power;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsInit;
import io.filnode.actors.builtin.Builtin.MethodsMiner;
import io.filnode.actors.builtin.Builtin.MethodsPower;
import io.filnode.actors.builtin.Builtin.MethodsReward;
import io.filnode.actors.builtin.ConfirmSectorProofsParams;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.runtime.SyscallException;
import io.filnode.actors.runtime.proof.SealVerifyInfo;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.util.adt.Multimap;
import io.filnode.actors.v2.init.ExecParams;
import io.filnode.actors.v2.init.ExecReturn;
import io.filnode.actors.v2.miner.MinerConstructorParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.HamtOptions;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The v2 storage power actor (specs-actors {@code power.Actor}): creates miners, keeps each miner's
 * claimed power and the network totals, queues the miners' cron callbacks, batches their PoReps for
 * verification, and at the end of every epoch runs both and reports the network power to the reward
 * actor.
 */
public final class PowerActor implements ActorCode {
  /** A miner submitted more prove-commits in one epoch than the policy allows. */
  public static final int ERR_TOO_MANY_PROVE_COMMITS = ExitCode.FIRST_ACTOR_SPECIFIC_EXIT_CODE;

  /** Gas charged for each PoRep submitted for batch verification (empirically set in Go). */
  public static final long GAS_ON_SUBMIT_VERIFY_SEAL = 34_721_049L;

  static final HamtOptions HAMT = BuiltinActors.hamtOptions(2);
  static final AmtOptions AMT = AmtOptions.v2();

  private static final Cid MINER_CODE = BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2);
  private static final Cid ACCOUNT_CODE = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  private static final Cid MULTISIG_CODE = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);
  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == MethodsPower.CONSTRUCTOR) {
      constructor(rt);
    } else if (method == MethodsPower.CREATE_MINER) {
      return createMiner(rt, Params.decode(rt, params, CreateMinerParams::decode)).toCbor();
    } else if (method == MethodsPower.UPDATE_CLAIMED_POWER) {
      updateClaimedPower(rt, Params.decode(rt, params, UpdateClaimedPowerParams::decode));
    } else if (method == MethodsPower.ENROLL_CRON_EVENT) {
      enrollCronEvent(rt, Params.decode(rt, params, EnrollCronEventParams::decode));
    } else if (method == MethodsPower.ON_EPOCH_TICK_END) {
      onEpochTickEnd(rt);
    } else if (method == MethodsPower.UPDATE_PLEDGE_TOTAL) {
      updatePledgeTotal(rt, Params.decode(rt, params, TokenAmount::decode));
    } else if (method == MethodsPower.SUBMIT_POREP_FOR_BULK_VERIFY) {
      submitPoRepForBulkVerify(rt, Params.decode(rt, params, SealVerifyInfo::decode));
    } else if (method == MethodsPower.CURRENT_TOTAL_POWER) {
      return currentTotalPower(rt).toCbor();
    } else {
      // Includes 7 (OnConsensusFault), removed in v2.
      throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
    }
    return NONE;
  }

  static void constructor(Runtime rt) {
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    Cid emptyMap = AdtMap.create(rt.store(), HAMT).flush();
    Cid emptyMultimap = Multimap.create(rt.store(), HAMT, AMT).flush();
    rt.stateCreate(PowerState.construct(emptyMap, emptyMultimap));
  }

  /** Creates a miner actor through the init actor (passing on the value) and gives it a claim. */
  static CreateMinerReturn createMiner(Runtime rt, CreateMinerParams params) {
    rt.validateImmediateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
    MinerConstructorParams ctorParams =
        new MinerConstructorParams(
            params.owner(),
            params.worker(),
            List.of(),
            params.sealProofType(),
            params.peer(),
            params.multiaddrs());
    ExecReturn addresses =
        rt.send(
                Builtin.INIT_ACTOR_ADDR,
                MethodsInit.EXEC,
                new ExecParams(MINER_CODE, ctorParams.toCbor()),
                rt.valueReceived())
            .decodeReturn(ExecReturn::decode);

    rt.stateTransaction(
        PowerState::decode,
        st -> {
          AdtMap claims = AdtMap.load(rt.store(), st.claims, HAMT);
          PowerState.setClaim(
              claims,
              addresses.idAddress(),
              new Claim(params.sealProofType(), BigInteger.ZERO, BigInteger.ZERO));
          st.minerCount++;
          // From network version 7, a new miner updates the power stats as any claim change does.
          if (rt.networkVersion() >= 7) {
            try {
              st.updateStatsForNewMiner(params.sealProofType());
            } catch (ClaimException e) {
              throw abort(e, "failed update power stats for new miner " + addresses.idAddress());
            }
          }
          st.claims = claims.flush();
          return null;
        });
    return new CreateMinerReturn(addresses.idAddress(), addresses.robustAddress());
  }

  /** Adds (or removes) claimed power for the calling miner. */
  static void updateClaimedPower(Runtime rt, UpdateClaimedPowerParams params) {
    rt.validateImmediateCallerType(MINER_CODE);
    Address minerAddr = rt.caller();
    rt.stateTransaction(
        PowerState::decode,
        st -> {
          AdtMap claims = AdtMap.load(rt.store(), st.claims, HAMT);
          try {
            st.addToClaim(claims, minerAddr, params.rawByteDelta(), params.qualityAdjustedDelta());
          } catch (ClaimException e) {
            throw abort(
                e,
                "failed to update power raw "
                    + params.rawByteDelta()
                    + ", qa "
                    + params.qualityAdjustedDelta());
          }
          st.claims = claims.flush();
          return null;
        });
  }

  /** Queues a callback of the calling miner at an epoch. */
  static void enrollCronEvent(Runtime rt, EnrollCronEventParams params) {
    rt.validateImmediateCallerType(MINER_CODE);
    CronEvent event = new CronEvent(rt.caller(), params.payload());
    // A large negative epoch would make cron processing walk a huge range.
    if (params.eventEpoch() < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "cron event epoch %d cannot be less than zero",
          params.eventEpoch());
    }
    rt.stateTransaction(
        PowerState::decode,
        st -> {
          Multimap events = Multimap.load(rt.store(), st.cronEventQueue, HAMT, AMT);
          st.appendCronEvent(events, params.eventEpoch(), event);
          st.cronEventQueue = events.flush();
          return null;
        });
  }

  /**
   * Called by cron at the end of every non-null epoch: verifies the batched PoReps, runs the due
   * miner callbacks, freezes the totals for the next epoch and reports the raw power to the reward
   * actor.
   */
  static void onEpochTickEnd(Runtime rt) {
    rt.validateImmediateCallerIs(Builtin.CRON_ACTOR_ADDR);
    CronProcessing.processBatchProofVerifies(rt);
    CronProcessing.processDeferredCronEvents(rt);

    BigInteger rawBytePower =
        rt.stateTransaction(
            PowerState::decode,
            st -> {
              // Before the next reward is computed, so that it reflects this epoch's power.
              PowerState.TotalPower total = st.currentTotalPower();
              st.thisEpochPledgeCollateral = st.totalPledgeCollateral;
              st.thisEpochQualityAdjPower = total.qualityAdjPower();
              st.thisEpochRawBytePower = total.rawBytePower();
              // Cron runs every epoch with blocks, so the delta is one.
              st.updateSmoothedEstimate(1);
              return st.thisEpochRawBytePower;
            });

    rt.send(
            Builtin.REWARD_ACTOR_ADDR,
            MethodsReward.UPDATE_NETWORK_KPI,
            w -> w.writeBigInt(rawBytePower),
            TokenAmount.ZERO)
        .requireSuccess("failed to update network KPI with Reward Actor");
  }

  static void updatePledgeTotal(Runtime rt, TokenAmount pledgeDelta) {
    rt.validateImmediateCallerType(MINER_CODE);
    rt.stateTransaction(
        PowerState::decode,
        st -> {
          validateMinerHasClaim(rt, st, rt.caller());
          st.addPledgeTotal(pledgeDelta);
          return null;
        });
  }

  /** Adds a PoRep of the calling miner to the batch verified at the end of the epoch. */
  static void submitPoRepForBulkVerify(Runtime rt, SealVerifyInfo sealInfo) {
    rt.validateImmediateCallerType(MINER_CODE);
    Address minerAddr = rt.caller();
    rt.stateTransaction(
        PowerState::decode,
        st -> {
          validateMinerHasClaim(rt, st, minerAddr);
          Multimap mmap =
              st.proofValidationBatch == null
                  ? Multimap.create(rt.store(), HAMT, AMT)
                  : Multimap.load(rt.store(), st.proofValidationBatch, HAMT, AMT);
          byte[] key = Keys.address(minerAddr);
          AdtArray arr = mmap.get(key);
          if (arr != null && arr.length() >= PowerPolicy.MAX_MINER_PROVE_COMMITS_PER_EPOCH) {
            throw ActorException.abortf(
                ERR_TOO_MANY_PROVE_COMMITS,
                "miner %s attempting to prove commit over %d sectors in epoch",
                minerAddr,
                PowerPolicy.MAX_MINER_PROVE_COMMITS_PER_EPOCH);
          }
          mmap.add(key, sealInfo);
          Cid root = mmap.flush();
          rt.chargeGas("OnSubmitVerifySeal", GAS_ON_SUBMIT_VERIFY_SEAL);
          st.proofValidationBatch = root;
          return null;
        });
  }

  /** The totals frozen at the last cron tick, so that they hold for the whole epoch. */
  static CurrentTotalPowerReturn currentTotalPower(Runtime rt) {
    rt.validateImmediateCallerAcceptAny();
    PowerState st = rt.stateReadonly(PowerState::decode);
    return new CurrentTotalPowerReturn(
        st.thisEpochRawBytePower,
        st.thisEpochQualityAdjPower,
        st.thisEpochPledgeCollateral,
        st.thisEpochQaPowerSmoothed);
  }

  static void validateMinerHasClaim(Runtime rt, PowerState st, Address minerAddr) {
    AdtMap claims = AdtMap.load(rt.store(), st.claims, HAMT);
    if (!claims.has(Keys.address(minerAddr))) {
      throw ActorException.abortf(
          ExitCode.ERR_FORBIDDEN,
          "unknown miner %s forbidden to interact with power actor",
          minerAddr);
    }
  }

  static ActorException abort(ClaimException e, String what) {
    return new ActorException(e.exitCode(), what + ": " + e.getMessage(), e);
  }

  /** The end-of-epoch work on the batched proofs and the cron queue. */
  static final class CronProcessing {
    private CronProcessing() {}

    static void processBatchProofVerifies(Runtime rt) {
      List<Address> miners = new ArrayList<>();
      Map<Address, List<SealVerifyInfo>> verifies = new LinkedHashMap<>();
      rt.stateTransaction(
          PowerState::decode,
          st -> {
            if (st.proofValidationBatch == null) {
              return null;
            }
            Multimap mmap = Multimap.load(rt.store(), st.proofValidationBatch, HAMT, AMT);
            AdtMap claims = AdtMap.load(rt.store(), st.claims, HAMT);
            mmap.forAll(
                (key, arr) -> {
                  Address a = addressFromKey(key);
                  // Proofs of a miner without a claim are skipped.
                  if (!claims.has(Keys.address(a))) {
                    return;
                  }
                  miners.add(a);
                  List<SealVerifyInfo> infos = new ArrayList<>();
                  arr.forEach(
                      (i, value) ->
                          infos.add(
                              CborReader.decodeWhole(
                                  value, "SealVerifyInfo", SealVerifyInfo::decode)));
                  verifies.put(a, infos);
                });
            st.proofValidationBatch = null;
            return null;
          });

      Map<Address, List<Boolean>> res;
      try {
        res = rt.batchVerifySeals(verifies);
      } catch (SyscallException e) {
        throw new ActorException(
            ExitCode.ERR_ILLEGAL_STATE, "failed to batch verify: " + e.getMessage(), e);
      }

      for (Address m : miners) {
        List<Boolean> vres = res.get(m);
        if (vres == null) {
          throw new ActorException(
              ExitCode.ERR_NOT_FOUND, "batch verify seals syscall implemented incorrectly");
        }
        List<SealVerifyInfo> verifs = verifies.get(m);
        Set<Long> seen = new HashSet<>();
        List<Long> successful = new ArrayList<>();
        for (int i = 0; i < vres.size(); i++) {
          if (vres.get(i)) {
            long snum = verifs.get(i).sectorId().number();
            if (seen.add(snum)) { // duplicates are filtered out
              successful.add(snum);
            }
          }
        }
        // The exit code is ignored on purpose.
        rt.send(
            m,
            MethodsMiner.CONFIRM_SECTOR_PROOFS_VALID,
            new ConfirmSectorProofsParams(successful),
            TokenAmount.ZERO);
      }
    }

    static void processDeferredCronEvents(Runtime rt) {
      long rtEpoch = rt.currEpoch();
      List<CronEvent> cronEvents = new ArrayList<>();
      rt.stateTransaction(
          PowerState::decode,
          st -> {
            Multimap events = Multimap.load(rt.store(), st.cronEventQueue, HAMT, AMT);
            AdtMap claims = AdtMap.load(rt.store(), st.claims, HAMT);
            for (long epoch = st.firstCronEpoch; epoch <= rtEpoch; epoch++) {
              List<CronEvent> epochEvents = PowerState.loadCronEvents(events, epoch);
              for (CronEvent evt : epochEvents) {
                // Events of a miner without a claim are dropped.
                if (claims.has(Keys.address(evt.minerAddr()))) {
                  cronEvents.add(evt);
                }
              }
              if (!epochEvents.isEmpty()) {
                events.removeAll(PowerState.epochKey(epoch));
              }
            }
            st.firstCronEpoch = rtEpoch + 1;
            st.cronEventQueue = events.flush();
            return null;
          });

      List<Address> failedMinerCrons = new ArrayList<>();
      for (CronEvent event : cronEvents) {
        // A failing callback is not retried: the miner loses its claim below.
        if (!rt.send(
                event.minerAddr(),
                MethodsMiner.ON_DEFERRED_CRON_EVENT,
                new RawBytes(event.callbackPayload()),
                TokenAmount.ZERO)
            .isSuccess()) {
          failedMinerCrons.add(event.minerAddr());
        }
      }

      if (!failedMinerCrons.isEmpty()) {
        rt.stateTransaction(
            PowerState::decode,
            st -> {
              AdtMap claims = AdtMap.load(rt.store(), st.claims, HAMT);
              // Remove the claim and leave the miner frozen.
              for (Address minerAddr : failedMinerCrons) {
                try {
                  st.deleteClaim(claims, minerAddr);
                } catch (ClaimException e) {
                  continue; // Go logs this and goes on with the next miner
                }
                // From network version 7 the miner count stays consistent.
                if (rt.networkVersion() >= 7) {
                  st.minerCount--;
                }
              }
              st.claims = claims.flush();
              return null;
            });
      }
    }

    private static Address addressFromKey(byte[] key) {
      try {
        return Address.fromBytes(key);
      } catch (IllegalArgumentException e) {
        throw new ActorException(
            ExitCode.ERR_ILLEGAL_STATE, "failed to parse address key: " + e.getMessage(), e);
      }
    }
  }
}
