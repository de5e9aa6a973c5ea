package io.filnode.actors.v2.miner;

import io.filnode.actors.builtin.ApplyRewardParams;
import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.ConfirmSectorProofsParams;
import io.filnode.actors.builtin.MinerAddrs;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ConsensusFault;
import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.runtime.SendResult;
import io.filnode.actors.runtime.SyscallException;
import io.filnode.actors.runtime.proof.SealVerifyInfo;
import io.filnode.actors.runtime.proof.SectorId;
import io.filnode.actors.runtime.proof.SectorInfo;
import io.filnode.actors.runtime.proof.WindowPoStVerifyInfo;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.actors.v2.market.ActivateDealsParams;
import io.filnode.actors.v2.market.ComputeDataCommitmentParams;
import io.filnode.actors.v2.market.OnMinerSectorsTerminateParams;
import io.filnode.actors.v2.market.VerifyDealsForActivationParams;
import io.filnode.actors.v2.market.VerifyDealsForActivationReturn;
import io.filnode.actors.v2.power.CurrentTotalPowerReturn;
import io.filnode.actors.v2.power.EnrollCronEventParams;
import io.filnode.actors.v2.power.UpdateClaimedPowerParams;
import io.filnode.actors.v2.reward.ThisEpochRewardReturn;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.PoStProof;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The specs-actors v2 storage miner actor (miner.Actor, methods 1 to 23). */
public final class MinerActor implements ActorCode {
  /** Exit code when the balance no longer covers deposits, locked funds and pledge. */
  public static final int ERR_BALANCE_INVARIANT_BROKEN = 1000;

  private static final Cid ACCOUNT_CODE = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  private static final Cid MULTISIG_CODE = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);
  private static final int MAX_LENGTH = 8192; // cbg.MaxLength

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method < 1 || method > Builtin.MethodsMiner.CHANGE_OWNER_ADDRESS) {
      throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
    }
    return switch ((int) method) {
      case 1 -> {
        constructor(rt, Params.decode(rt, params, MinerConstructorParams::decode));
        yield none();
      }
      case 2 -> controlAddresses(rt).toCbor();
      case 3 -> {
        changeWorkerAddress(rt, Params.decode(rt, params, ChangeWorkerAddressParams::decode));
        yield none();
      }
      case 4 -> {
        changePeerId(rt, Params.decode(rt, params, ChangePeerIDParams::decode));
        yield none();
      }
      case 5 -> {
        submitWindowedPoSt(rt, Params.decode(rt, params, SubmitWindowedPoStParams::decode));
        yield none();
      }
      case 6 -> {
        preCommitSector(rt, Params.decode(rt, params, SectorPreCommitInfo::decode));
        yield none();
      }
      case 7 -> {
        proveCommitSector(rt, Params.decode(rt, params, ProveCommitSectorParams::decode));
        yield none();
      }
      case 8 -> {
        extendSectorExpiration(rt, Params.decode(rt, params, ExtendSectorExpirationParams::decode));
        yield none();
      }
      case 9 ->
          terminateSectors(rt, Params.decode(rt, params, TerminateSectorsParams::decode)).toCbor();
      case 10 -> {
        declareFaults(rt, Params.decode(rt, params, DeclareFaultsParams::decode));
        yield none();
      }
      case 11 -> {
        declareFaultsRecovered(rt, Params.decode(rt, params, DeclareFaultsRecoveredParams::decode));
        yield none();
      }
      case 12 -> {
        onDeferredCronEvent(rt, Params.decode(rt, params, CronEventPayload::decode));
        yield none();
      }
      case 13 -> {
        checkSectorProven(rt, Params.decode(rt, params, CheckSectorProvenParams::decode));
        yield none();
      }
      case 14 -> {
        applyRewards(rt, Params.decode(rt, params, ApplyRewardParams::decode));
        yield none();
      }
      case 15 -> {
        reportConsensusFault(rt, Params.decode(rt, params, ReportConsensusFaultParams::decode));
        yield none();
      }
      case 16 -> {
        withdrawBalance(rt, Params.decode(rt, params, WithdrawBalanceParams::decode));
        yield none();
      }
      case 17 -> {
        confirmSectorProofsValid(rt, Params.decode(rt, params, ConfirmSectorProofsParams::decode));
        yield none();
      }
      case 18 -> {
        changeMultiaddrs(rt, Params.decode(rt, params, ChangeMultiaddrsParams::decode));
        yield none();
      }
      case 19 -> {
        compactPartitions(rt, Params.decode(rt, params, CompactPartitionsParams::decode));
        yield none();
      }
      case 20 -> {
        compactSectorNumbers(rt, Params.decode(rt, params, CompactSectorNumbersParams::decode));
        yield none();
      }
      case 21 -> {
        confirmUpdateWorkerKey(rt);
        yield none();
      }
      case 22 -> {
        repayDebt(rt);
        yield none();
      }
      default -> {
        changeOwnerAddress(rt, Params.decode(rt, params, Address::decode));
        yield none();
      }
    };
  }

  private static byte[] none() {
    return new byte[0];
  }

  // ---------------------------------------------------------------- Constructor

  static void constructor(Runtime rt, MinerConstructorParams params) {
    rt.validateImmediateCallerIs(Builtin.INIT_ACTOR_ADDR);
    checkControlAddresses(params.controlAddrs());
    checkPeerInfo(params.peerId(), params.multiaddrs());
    if (!Policy.canPreCommitSealProof(params.sealProofType(), rt.networkVersion())) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "proof type %d not allowed for new miner actors",
          params.sealProofType());
    }
    Address owner = resolveControlAddress(rt, params.ownerAddr());
    Address worker = resolveWorkerAddress(rt, params.workerAddr());
    List<Address> controlAddrs = new ArrayList<>();
    for (Address ca : params.controlAddrs()) {
      controlAddrs.add(resolveControlAddress(rt, ca));
    }
    IpldStore store = rt.store();
    Cid emptyMap = AdtMap.create(store, BuiltinActors.hamtOptions(2)).flush();
    Cid emptyArray = AdtArray.create(store, AmtOptions.v2()).flush();
    Cid emptyBitfieldCid = rt.storePut(w -> BitFields.encode(w, BitField.empty()));
    Cid emptyDeadlineCid = rt.storePut(Deadline.construct(emptyArray));
    Deadlines emptyDeadlines = Deadlines.construct(emptyDeadlineCid);
    Cid emptyDeadlinesCid = rt.storePut(emptyDeadlines);
    Cid emptyVestingFundsCid = rt.storePut(VestingFunds.empty());

    long currEpoch = rt.currEpoch();
    long offset = assignProvingPeriodOffset(rt, rt.receiver(), currEpoch);
    long periodStart = currentProvingPeriodStart(currEpoch, offset);
    long deadlineIndex = currentDeadlineIndex(currEpoch, periodStart);

    long sealProof = params.sealProofType();
    MinerInfo info =
        new MinerInfo(
            owner,
            worker,
            controlAddrs,
            null,
            params.peerId(),
            params.multiaddrs(),
            sealProof,
            SealProofs.sectorSize(sealProof),
            SealProofs.windowPoStPartitionSectors(sealProof),
            -1,
            null);
    Cid infoCid = rt.storePut(info);
    MinerState state =
        MinerState.construct(
            infoCid,
            periodStart,
            deadlineIndex,
            emptyBitfieldCid,
            emptyArray,
            emptyMap,
            emptyDeadlinesCid,
            emptyVestingFundsCid);
    rt.stateCreate(state);
    long deadlineClose = periodStart + Policy.WPOST_CHALLENGE_WINDOW * (1 + deadlineIndex);
    enrollCronEvent(rt, deadlineClose - 1, CronEventPayload.PROVING_DEADLINE);
  }

  // ---------------------------------------------------------------- Control addresses

  static MinerAddrs controlAddresses(Runtime rt) {
    rt.validateImmediateCallerAcceptAny();
    MinerState st = rt.stateReadonly(MinerState::decode);
    MinerInfo info = st.getInfo(rt.store());
    return new MinerAddrs(info.owner, info.worker, info.controlAddresses());
  }

  static void changeWorkerAddress(Runtime rt, ChangeWorkerAddressParams params) {
    checkControlAddresses(params.newControlAddrs());
    Address newWorker = resolveWorkerAddress(rt, params.newWorker());
    List<Address> controlAddrs = new ArrayList<>();
    for (Address ca : params.newControlAddrs()) {
      controlAddrs.add(resolveControlAddress(rt, ca));
    }
    rt.stateTransaction(
        MinerState::decode,
        st -> {
          MinerInfo info = st.getInfo(rt.store());
          rt.validateImmediateCallerIs(info.owner);
          info.controlAddresses = controlAddrs;
          if (!newWorker.equals(info.worker) && info.pendingWorkerKey == null) {
            info.pendingWorkerKey =
                new WorkerKeyChange(newWorker, rt.currEpoch() + Policy.WORKER_KEY_CHANGE_DELAY);
          }
          st.saveInfo(rt.store(), info);
          return null;
        });
  }

  static void confirmUpdateWorkerKey(Runtime rt) {
    rt.stateTransaction(
        MinerState::decode,
        st -> {
          MinerInfo info = st.getInfo(rt.store());
          rt.validateImmediateCallerIs(info.owner);
          processPendingWorker(info, rt, st);
          return null;
        });
  }

  static void changeOwnerAddress(Runtime rt, Address newAddress) {
    if (!newAddress.isId()) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "owner address must be an ID address");
    }
    rt.stateTransaction(
        MinerState::decode,
        st -> {
          MinerInfo info = st.getInfo(rt.store());
          if (rt.caller().equals(info.owner) || info.pendingOwnerAddress == null) {
            rt.validateImmediateCallerIs(info.owner);
            info.pendingOwnerAddress = newAddress;
          } else {
            rt.validateImmediateCallerIs(info.pendingOwnerAddress);
            if (!newAddress.equals(info.pendingOwnerAddress)) {
              throw abort(
                  ExitCode.ERR_ILLEGAL_ARGUMENT,
                  "expected confirmation of %s, got %s",
                  info.pendingOwnerAddress,
                  newAddress);
            }
            info.owner = info.pendingOwnerAddress;
          }
          if (info.pendingOwnerAddress != null && info.pendingOwnerAddress.equals(info.owner)) {
            info.pendingOwnerAddress = null;
          }
          st.saveInfo(rt.store(), info);
          return null;
        });
  }

  static void changePeerId(Runtime rt, ChangePeerIDParams params) {
    checkPeerInfo(params.newId(), List.of());
    rt.stateTransaction(
        MinerState::decode,
        st -> {
          MinerInfo info = st.getInfo(rt.store());
          rt.validateImmediateCallerIs(info.controlOwnerWorker());
          info.peerId = params.newId();
          st.saveInfo(rt.store(), info);
          return null;
        });
  }

  static void changeMultiaddrs(Runtime rt, ChangeMultiaddrsParams params) {
    checkPeerInfo(new byte[0], params.newMultiaddrs());
    rt.stateTransaction(
        MinerState::decode,
        st -> {
          MinerInfo info = st.getInfo(rt.store());
          rt.validateImmediateCallerIs(info.controlOwnerWorker());
          info.multiaddrs = params.newMultiaddrs();
          st.saveInfo(rt.store(), info);
          return null;
        });
  }

  // ---------------------------------------------------------------- Window PoSt

  static void submitWindowedPoSt(Runtime rt, SubmitWindowedPoStParams params) {
    long currEpoch = rt.currEpoch();
    int nv = rt.networkVersion();
    IpldStore store = rt.store();
    if (Long.compareUnsigned(params.deadline(), Policy.WPOST_PERIOD_DEADLINES) >= 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "invalid deadline %d of %d",
          params.deadline(),
          Policy.WPOST_PERIOD_DEADLINES);
    }
    if (params.chainCommitRand().length > 32) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "expected at most 32 bytes of randomness, got %d",
          params.chainCommitRand().length);
    }
    BitField partitionIndexes = BitField.empty();
    if (nv >= 7) {
      List<Long> idx = new ArrayList<>();
      for (PoStPartition p : params.partitions()) {
        idx.add(p.index());
      }
      partitionIndexes = BitField.fromSet(idx);
    }
    BitField indexes = partitionIndexes;
    Deadline.PoStResult postResult =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              MinerInfo info = st.getInfo(store);
              rt.validateImmediateCallerIs(info.controlOwnerWorker());
              long windowPoStProofType = SealProofs.windowPoStProof(info.sealProofType);
              if (windowPoStProofType < 0) {
                throw abort(ExitCode.ERR_ILLEGAL_STATE, "failed to determine window PoSt type");
              }
              if (params.proofs().size() != 1) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "expected exactly one proof, got %d",
                    params.proofs().size());
              } else if (params.proofs().get(0).postProof() != windowPoStProofType) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "expected proof of type %d, got proof of type %d",
                    windowPoStProofType,
                    params.proofs().get(0).postProof());
              }
              long submissionPartitionLimit =
                  Policy.loadPartitionsSectorsMax(info.windowPoStPartitionSectors);
              if (params.partitions().size() > submissionPartitionLimit) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "too many partitions %d, limit %d",
                    params.partitions().size(),
                    submissionPartitionLimit);
              }
              DeadlineInfo currDeadline = st.deadlineInfo(currEpoch);
              if (!currDeadline.isOpen()) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_STATE,
                    "proving period %d not yet open at %d",
                    currDeadline.periodStart(),
                    currEpoch);
              }
              if (params.deadline() != currDeadline.index()) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "invalid deadline %d at epoch %d, expected %d",
                    params.deadline(),
                    currEpoch,
                    currDeadline.index());
              }
              if (params.chainCommitEpoch() < currDeadline.challenge()) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "expected chain commit epoch %d to be after %d",
                    params.chainCommitEpoch(),
                    currDeadline.challenge());
              }
              if (params.chainCommitEpoch() >= currEpoch) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "chain commit epoch %d must be less than the current epoch %d",
                    params.chainCommitEpoch(),
                    currEpoch);
              }
              byte[] commRand =
                  rt.getRandomnessFromTickets(
                      DomainSeparationTag.POST_CHAIN_COMMIT, params.chainCommitEpoch(), null);
              if (!Arrays.equals(commRand, params.chainCommitRand())) {
                throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "post commit randomness mismatched");
              }
              Sectors sectors = Sectors.load(store, st.sectors);
              Deadlines deadlines = st.loadDeadlines(store);
              Deadline deadline = deadlines.loadDeadline(store, params.deadline());
              if (nv >= 7) {
                BitField alreadyProven = deadline.postSubmissions.intersect(indexes);
                if (!alreadyProven.isEmpty()) {
                  throw abort(
                      ExitCode.ERR_ILLEGAL_ARGUMENT, "partition already proven: %s", alreadyProven);
                }
              }
              long faultExpiration = currDeadline.last() + Policy.FAULT_MAX_AGE;
              Deadline.PoStResult result =
                  deadline.recordProvenSectors(
                      store,
                      sectors,
                      info.sectorSize,
                      currDeadline.quantSpec(),
                      faultExpiration,
                      params.partitions());
              List<SectorOnChainInfo> sectorInfos =
                  sectors.loadForProof(result.sectors(), result.ignoredSectors());
              if (sectorInfos.isEmpty()) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "cannot prove partitions with no active sectors");
              }
              verifyWindowedPost(rt, currDeadline.challenge(), sectorInfos, params.proofs());
              deadlines.updateDeadline(store, params.deadline(), deadline);
              st.saveDeadlines(store, deadlines);
              return result;
            });
    requestUpdatePower(rt, postResult.powerDelta());
    MinerState st = rt.stateReadonly(MinerState::decode);
    checkBalanceInvariants(st, rt.currentBalance());
  }

  // ---------------------------------------------------------------- Pre-commit and prove-commit

  static void preCommitSector(Runtime rt, SectorPreCommitInfo params) {
    int nv = rt.networkVersion();
    if (!Policy.canPreCommitSealProof(params.sealProof(), nv)) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "unsupported seal proof type %d at network version %d",
          params.sealProof(),
          nv);
    }
    if (params.sectorNumber() < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "sector number out of range 0..(2^63-1)");
    }
    if (!Policy.hasSealedCidPrefix(params.sealedCid())) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "sealed CID had wrong prefix");
    }
    if (params.sealRandEpoch() >= rt.currEpoch()) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "seal challenge epoch %d must be before now %d",
          params.sealRandEpoch(),
          rt.currEpoch());
    }
    long challengeEarliest = rt.currEpoch() - Policy.MAX_PRE_COMMIT_RANDOMNESS_LOOKBACK;
    if (params.sealRandEpoch() < challengeEarliest) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "seal challenge epoch %d too old, must be after %d",
          params.sealRandEpoch(),
          challengeEarliest);
    }
    // Go indexes its duration map with the seal proof: a missing type reads as zero
    long maxActivation =
        rt.currEpoch() + Math.max(0, Policy.maxProveCommitDuration(params.sealProof()));
    validateExpiration(rt, maxActivation, params.expiration(), params.sealProof());
    if (params.replaceCapacity() && params.dealIds().isEmpty()) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "cannot replace sector without committing deals");
    }
    if (Long.compareUnsigned(params.replaceSectorDeadline(), Policy.WPOST_PERIOD_DEADLINES) >= 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "invalid deadline %d", params.replaceSectorDeadline());
    }
    if (params.replaceSectorNumber() < 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "invalid sector number %d", params.replaceSectorNumber());
    }
    ThisEpochRewardReturn rewardStats = requestCurrentEpochBlockReward(rt);
    CurrentTotalPowerReturn pwrTotal = requestCurrentTotalPower(rt);
    VerifyDealsForActivationReturn dealWeight =
        requestDealWeight(rt, params.dealIds(), rt.currEpoch(), params.expiration());
    IpldStore store = rt.store();
    TokenAmount[] newlyVested = {TokenAmount.ZERO};
    TokenAmount feeToBurn =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              if (rt.networkVersion() < 7) {
                newlyVested[0] = st.unlockVestedFunds(store, rt.currEpoch());
              }
              TokenAmount availableBalance = st.getAvailableBalance(rt.currentBalance());
              TokenAmount toBurn = st.repayDebts(rt.currentBalance());
              MinerInfo info = st.getInfo(store);
              rt.validateImmediateCallerIs(info.controlOwnerWorker());
              if (consensusFaultActive(info, rt.currEpoch())) {
                throw abort(
                    ExitCode.ERR_FORBIDDEN, "precommit not allowed during active consensus fault");
              }
              if (nv < 7) {
                if (params.sealProof() != info.sealProofType) {
                  throw abort(
                      ExitCode.ERR_ILLEGAL_ARGUMENT,
                      "sector seal proof %d must match miner seal proof type %d",
                      params.sealProof(),
                      info.sealProofType);
                }
              } else {
                long minerWPoStProof = SealProofs.windowPoStProof(info.sealProofType);
                if (minerWPoStProof < 0) {
                  throw abort(
                      ExitCode.ERR_ILLEGAL_STATE, "failed to lookup Window PoSt proof type");
                }
                long sectorWPoStProof = SealProofs.windowPoStProof(params.sealProof());
                if (sectorWPoStProof < 0) {
                  throw abort(
                      ExitCode.ERR_ILLEGAL_ARGUMENT, "failed to lookup Window PoSt proof type");
                }
                if (sectorWPoStProof != minerWPoStProof) {
                  throw abort(
                      ExitCode.ERR_ILLEGAL_ARGUMENT,
                      "sector Window PoSt proof type %d must match miner Window PoSt proof type %d",
                      sectorWPoStProof,
                      minerWPoStProof);
                }
              }
              long dealCountMax = Policy.sectorDealsMax(info.sectorSize);
              if (params.dealIds().size() > dealCountMax) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "too many deals for sector %d > %d",
                    params.dealIds().size(),
                    dealCountMax);
              }
              if (Long.compareUnsigned(dealWeight.dealSpace(), info.sectorSize) > 0) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "deals too large to fit in sector %d > %d",
                    dealWeight.dealSpace(),
                    info.sectorSize);
              }
              st.allocateSectorNumber(store, params.sectorNumber());
              if (st.getPrecommittedSector(store, params.sectorNumber()) != null) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_STATE,
                    "sector %d already pre-committed",
                    params.sectorNumber());
              }
              if (st.hasSectorNo(store, params.sectorNumber())) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_STATE,
                    "sector %d already committed",
                    params.sectorNumber());
              }
              if (params.replaceCapacity()) {
                validateReplaceSector(rt, st, store, params);
              }
              long duration = params.expiration() - rt.currEpoch();
              BigInteger sectorWeight =
                  Policy.qaPowerForWeight(
                      info.sectorSize,
                      duration,
                      dealWeight.dealWeight(),
                      dealWeight.verifiedDealWeight());
              TokenAmount depositReq =
                  Monies.preCommitDepositForPower(
                      rewardStats.thisEpochRewardSmoothed(),
                      pwrTotal.qualityAdjPowerSmoothed(),
                      sectorWeight);
              if (availableBalance.compareTo(depositReq) < 0) {
                throw abort(
                    ExitCode.ERR_INSUFFICIENT_FUNDS,
                    "insufficient funds for pre-commit deposit: %s",
                    depositReq);
              }
              st.addPreCommitDeposit(depositReq);
              st.putPrecommittedSector(
                  store,
                  new SectorPreCommitOnChainInfo(
                      params,
                      depositReq,
                      rt.currEpoch(),
                      dealWeight.dealWeight(),
                      dealWeight.verifiedDealWeight()));
              long msd = Policy.maxProveCommitDuration(params.sealProof());
              if (msd < 0) {
                throw abort(
                    ExitCode.ERR_ILLEGAL_ARGUMENT,
                    "no max seal duration set for proof type: %d",
                    params.sealProof());
              }
              long expiryBound = rt.currEpoch() + msd + 1;
              st.addPreCommitExpiry(store, expiryBound, params.sectorNumber());
              return toBurn;
            });
    burnFunds(rt, feeToBurn);
    MinerState st = rt.stateReadonly(MinerState::decode);
    checkBalanceInvariants(st, rt.currentBalance());
    notifyPledgeChanged(rt, Big.neg(newlyVested[0]));
  }

  static void proveCommitSector(Runtime rt, ProveCommitSectorParams params) {
    rt.validateImmediateCallerAcceptAny();
    int nv = rt.networkVersion();
    if (params.sectorNumber() < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "sector number greater than maximum");
    }
    int maxProofSize = nv >= 5 ? Policy.MAX_PROVE_COMMIT_SIZE_V5 : Policy.MAX_PROVE_COMMIT_SIZE_V4;
    if (params.proof().length > maxProofSize) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "sector prove-commit proof of size %d exceeds max size of %d",
          params.proof().length,
          maxProofSize);
    }
    long sectorNo = params.sectorNumber();
    SectorPreCommitOnChainInfo precommit =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              SectorPreCommitOnChainInfo pci = st.getPrecommittedSector(rt.store(), sectorNo);
              if (pci == null) {
                throw abort(ExitCode.ERR_NOT_FOUND, "no pre-committed sector %d", sectorNo);
              }
              return pci;
            });
    long msd = Policy.maxProveCommitDuration(precommit.info().sealProof());
    if (msd < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_STATE, "no max seal duration for proof type");
    }
    long proveCommitDue = precommit.preCommitEpoch() + msd;
    if (rt.currEpoch() > proveCommitDue) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "commitment proof for %d too late at %d, due %d",
          sectorNo,
          rt.currEpoch(),
          proveCommitDue);
    }
    SealVerifyInfo svi =
        getVerifyInfo(
            rt,
            precommit.info().sealedCid(),
            precommit.preCommitEpoch() + Policy.PRE_COMMIT_CHALLENGE_DELAY,
            precommit.info().sealRandEpoch(),
            params.proof(),
            precommit.info().dealIds(),
            precommit.info().sectorNumber(),
            precommit.info().sealProof());
    rt.send(
            Builtin.STORAGE_POWER_ACTOR_ADDR,
            Builtin.MethodsPower.SUBMIT_POREP_FOR_BULK_VERIFY,
            svi,
            TokenAmount.ZERO)
        .requireSuccess("failed to submit proof for bulk verification");
  }

  static void confirmSectorProofsValid(Runtime rt, ConfirmSectorProofsParams params) {
    rt.validateImmediateCallerIs(Builtin.STORAGE_POWER_ACTOR_ADDR);
    ThisEpochRewardReturn rewardStats = requestCurrentEpochBlockReward(rt);
    CurrentTotalPowerReturn pwrTotal = requestCurrentTotalPower(rt);
    TokenAmount circulatingSupply = rt.totalFilCircSupply();
    MinerState readSt = rt.stateReadonly(MinerState::decode);
    IpldStore store = rt.store();
    MinerInfo info = readSt.getInfo(store);
    List<SectorPreCommitOnChainInfo> precommitted =
        readSt.findPrecommittedSectors(store, params.sectors());
    DeadlineSectorMap replaceSectors = new DeadlineSectorMap();
    List<SectorPreCommitOnChainInfo> preCommits = new ArrayList<>();
    for (SectorPreCommitOnChainInfo precommit : precommitted) {
      if (!precommit.info().dealIds().isEmpty()) {
        SendResult res =
            rt.send(
                Builtin.STORAGE_MARKET_ACTOR_ADDR,
                Builtin.MethodsMarket.ACTIVATE_DEALS,
                new ActivateDealsParams(precommit.info().dealIds(), precommit.info().expiration()),
                TokenAmount.ZERO);
        if (!res.isSuccess()) {
          continue; // deals failed to activate: drop the sector from this batch
        }
      }
      preCommits.add(precommit);
      if (precommit.info().replaceCapacity()) {
        Errors.recode(
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            () -> {
              replaceSectors.add(
                  precommit.info().replaceSectorDeadline(),
                  precommit.info().replaceSectorPartition(),
                  BitField.of(precommit.info().replaceSectorNumber()));
              return null;
            });
      }
    }
    if (preCommits.isEmpty()) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "all prove commits failed to validate");
    }
    TokenAmount[] totalPledge = {TokenAmount.ZERO};
    TokenAmount[] newlyVested = {TokenAmount.ZERO};
    PowerPair newPower =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              List<SectorOnChainInfo> replaced =
                  st.rescheduleSectorExpirations(
                      store, rt.currEpoch(), info.sectorSize, replaceSectors);
              Map<Long, SectorOnChainInfo> replacedByNumber = new HashMap<>();
              for (SectorOnChainInfo s : replaced) {
                replacedByNumber.put(s.sectorNumber(), s);
              }
              List<Long> newSectorNos = new ArrayList<>();
              List<SectorOnChainInfo> newSectors = new ArrayList<>();
              TokenAmount depositToUnlock = TokenAmount.ZERO;
              for (SectorPreCommitOnChainInfo precommit : preCommits) {
                long activation = rt.currEpoch();
                long duration = precommit.info().expiration() - activation;
                if (duration < Policy.MIN_SECTOR_EXPIRATION) {
                  continue; // lifetime below the minimum: ignored (Go logs a warning)
                }
                BigInteger pwr =
                    Policy.qaPowerForWeight(
                        info.sectorSize,
                        duration,
                        precommit.dealWeight(),
                        precommit.verifiedDealWeight());
                FilterEstimate reward = rewardStats.thisEpochRewardSmoothed();
                FilterEstimate power = pwrTotal.qualityAdjPowerSmoothed();
                TokenAmount dayReward =
                    Monies.expectedRewardForPower(reward, power, pwr, Policy.EPOCHS_IN_DAY);
                TokenAmount storagePledge =
                    Monies.expectedRewardForPower(
                        reward, power, pwr, Monies.INITIAL_PLEDGE_PROJECTION_PERIOD);
                TokenAmount initialPledge =
                    Monies.initialPledgeForPower(
                        pwr,
                        rewardStats.thisEpochBaselinePower(),
                        reward,
                        power,
                        circulatingSupply);
                TokenAmount replacedPledge = TokenAmount.ZERO;
                long replacedAge = 0;
                TokenAmount replacedDayReward = TokenAmount.ZERO;
                if (precommit.info().replaceCapacity()) {
                  SectorOnChainInfo old =
                      replacedByNumber.get(precommit.info().replaceSectorNumber());
                  if (old == null) {
                    throw abort(
                        ExitCode.ERR_NOT_FOUND,
                        "no such sector %d to replace",
                        precommit.info().replaceSectorNumber());
                  }
                  replacedPledge = old.initialPledge();
                  replacedAge = Math.max(0, rt.currEpoch() - old.activation());
                  replacedDayReward = old.expectedDayReward();
                }
                initialPledge = Big.max(initialPledge, replacedPledge);
                SectorOnChainInfo newSectorInfo =
                    new SectorOnChainInfo(
                        precommit.info().sectorNumber(),
                        precommit.info().sealProof(),
                        precommit.info().sealedCid(),
                        precommit.info().dealIds(),
                        activation,
                        precommit.info().expiration(),
                        precommit.dealWeight(),
                        precommit.verifiedDealWeight(),
                        initialPledge,
                        dayReward,
                        storagePledge,
                        replacedAge,
                        replacedDayReward);
                depositToUnlock = depositToUnlock.add(precommit.preCommitDeposit());
                newSectors.add(newSectorInfo);
                newSectorNos.add(newSectorInfo.sectorNumber());
                totalPledge[0] = totalPledge[0].add(initialPledge);
              }
              st.putSectors(store, newSectors);
              st.deletePrecommittedSectors(store, newSectorNos);
              PowerPair power =
                  st.assignSectorsToDeadlines(
                      store,
                      rt.currEpoch(),
                      newSectors,
                      info.windowPoStPartitionSectors,
                      info.sectorSize);
              if (rt.networkVersion() < 7) {
                newlyVested[0] = st.unlockVestedFunds(store, rt.currEpoch());
              }
              st.addPreCommitDeposit(Big.neg(depositToUnlock));
              TokenAmount unlockedBalance = st.getUnlockedBalance(rt.currentBalance());
              if (unlockedBalance.compareTo(totalPledge[0]) < 0) {
                throw abort(
                    ExitCode.ERR_INSUFFICIENT_FUNDS,
                    "insufficient funds for aggregate initial pledge requirement %s, available: %s",
                    totalPledge[0],
                    unlockedBalance);
              }
              st.addInitialPledge(totalPledge[0]);
              checkBalanceInvariants(st, rt.currentBalance());
              return power;
            });
    requestUpdatePower(rt, newPower);
    notifyPledgeChanged(rt, totalPledge[0].subtract(newlyVested[0]));
  }

  static void checkSectorProven(Runtime rt, CheckSectorProvenParams params) {
    rt.validateImmediateCallerAcceptAny();
    if (params.sectorNumber() < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "sector number out of range");
    }
    MinerState st = rt.stateReadonly(MinerState::decode);
    if (st.getSector(rt.store(), params.sectorNumber()) == null) {
      throw abort(ExitCode.ERR_NOT_FOUND, "sector %d not proven", params.sectorNumber());
    }
  }

  // ---------------------------------------------------------------- Extension and termination

  static void extendSectorExpiration(Runtime rt, ExtendSectorExpirationParams params) {
    int nv = rt.networkVersion();
    if (params.extensions().size() > Policy.DECLARATIONS_MAX) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "too many declarations %d, max %d",
          params.extensions().size(),
          Policy.DECLARATIONS_MAX);
    }
    long sectorCount = 0;
    for (ExpirationExtension decl : params.extensions()) {
      if (Long.compareUnsigned(decl.deadline(), Policy.WPOST_PERIOD_DEADLINES) >= 0) {
        throw abort(
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            "deadline %d not in range 0..%d",
            decl.deadline(),
            Policy.WPOST_PERIOD_DEADLINES);
      }
      long count = decl.sectors().count();
      if (Long.compareUnsigned(sectorCount, -1L - count) > 0) {
        throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "sector bitfield integer overflow");
      }
      sectorCount += count;
    }
    if (Long.compareUnsigned(sectorCount, Policy.ADDRESSED_SECTORS_MAX) > 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "too many sectors for declaration %d, max %d",
          sectorCount,
          Policy.ADDRESSED_SECTORS_MAX);
    }
    long currEpoch = rt.currEpoch();
    IpldStore store = rt.store();
    PowerPair[] powerDelta = {PowerPair.ZERO};
    TokenAmount[] pledgeDelta = {TokenAmount.ZERO};
    rt.stateTransaction(
        MinerState::decode,
        st -> {
          MinerInfo info = st.getInfo(store);
          rt.validateImmediateCallerIs(info.controlOwnerWorker());
          Deadlines deadlines = st.loadDeadlines(store);
          Map<Long, List<ExpirationExtension>> declsByDeadline = new LinkedHashMap<>();
          for (ExpirationExtension decl : params.extensions()) {
            declsByDeadline.computeIfAbsent(decl.deadline(), k -> new ArrayList<>()).add(decl);
          }
          Sectors sectors = Sectors.load(store, st.sectors);
          for (Map.Entry<Long, List<ExpirationExtension>> e : declsByDeadline.entrySet()) {
            long dlIdx = e.getKey();
            Deadline deadline = deadlines.loadDeadline(store, dlIdx);
            AdtArray partitions = deadline.partitionsArray(store);
            QuantSpec quant = st.quantSpecForDeadline(dlIdx);
            Map<Long, List<Long>> partitionsByNewEpoch = new LinkedHashMap<>();
            for (ExpirationExtension decl : e.getValue()) {
              Partition partition = partitions.get(decl.partition(), Partition::decode);
              if (partition == null) {
                throw abort(
                    ExitCode.ERR_NOT_FOUND,
                    "no such deadline %d partition %d",
                    dlIdx,
                    decl.partition());
              }
              List<SectorOnChainInfo> oldSectors = sectors.load(decl.sectors());
              List<SectorOnChainInfo> newSectors = new ArrayList<>(oldSectors.size());
              for (SectorOnChainInfo sector : oldSectors) {
                if (!Policy.canExtendSealProofType(sector.sealProof(), nv)) {
                  throw abort(
                      ExitCode.ERR_FORBIDDEN,
                      "cannot extend expiration for sector %d with unsupported seal type %d",
                      sector.sectorNumber(),
                      sector.sealProof());
                }
                if (sector.expiration() < currEpoch) {
                  throw abort(
                      ExitCode.ERR_FORBIDDEN,
                      "cannot extend expiration for expired sector %d",
                      sector.sectorNumber());
                }
                if (decl.newExpiration() < sector.expiration()) {
                  throw abort(
                      ExitCode.ERR_ILLEGAL_ARGUMENT,
                      "cannot reduce sector %d's expiration to %d from %d",
                      sector.sectorNumber(),
                      decl.newExpiration(),
                      sector.expiration());
                }
                validateExpiration(
                    rt, sector.activation(), decl.newExpiration(), sector.sealProof());
                newSectors.add(sector.withExpiration(decl.newExpiration()));
              }
              sectors.store(newSectors);
              Partition.ReplaceChange change =
                  partition.replaceSectors(store, oldSectors, newSectors, info.sectorSize, quant);
              powerDelta[0] = powerDelta[0].add(change.powerDelta());
              pledgeDelta[0] = pledgeDelta[0].add(change.pledgeDelta());
              partitions.set(decl.partition(), partition);
              if (nv >= 7) {
                partitionsByNewEpoch
                    .computeIfAbsent(decl.newExpiration(), k -> new ArrayList<>())
                    .add(decl.partition());
              }
            }
            deadline.partitions = partitions.flush();
            if (nv >= 7) {
              for (Map.Entry<Long, List<Long>> pe : partitionsByNewEpoch.entrySet()) {
                deadline.addExpirationPartitions(store, pe.getKey(), pe.getValue(), quant);
              }
            }
            deadlines.updateDeadline(store, dlIdx, deadline);
          }
          st.sectors = sectors.flush();
          st.saveDeadlines(store, deadlines);
          return null;
        });
    requestUpdatePower(rt, powerDelta[0]);
    notifyPledgeChanged(rt, pledgeDelta[0]);
  }

  static TerminateSectorsReturn terminateSectors(Runtime rt, TerminateSectorsParams params) {
    if (params.terminations().size() > Policy.DECLARATIONS_MAX) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "too many declarations when terminating sectors: %d > %d",
          params.terminations().size(),
          Policy.DECLARATIONS_MAX);
    }
    DeadlineSectorMap toProcess = new DeadlineSectorMap();
    for (TerminationDeclaration term : params.terminations()) {
      toProcess.add(term.deadline(), term.partition(), term.sectors());
    }
    toProcess.check(Policy.ADDRESSED_PARTITIONS_MAX, Policy.ADDRESSED_SECTORS_MAX);
    IpldStore store = rt.store();
    long currEpoch = rt.currEpoch();
    PowerPair[] powerDelta = {PowerPair.ZERO};
    boolean hadEarlyTerminations =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              boolean had = !st.earlyTerminations.isEmpty();
              MinerInfo info = st.getInfo(store);
              rt.validateImmediateCallerIs(info.controlOwnerWorker());
              Deadlines deadlines = st.loadDeadlines(store);
              Sectors sectors = Sectors.load(store, st.sectors);
              for (Map.Entry<Long, PartitionSectorMap> e : toProcess.deadlines.entrySet()) {
                long dlIdx = e.getKey();
                QuantSpec quant = st.quantSpecForDeadline(dlIdx);
                Deadline deadline = deadlines.loadDeadline(store, dlIdx);
                PowerPair removedPower =
                    deadline.terminateSectors(
                        store, sectors, currEpoch, e.getValue(), info.sectorSize, quant);
                st.earlyTerminations = BitFields.set(st.earlyTerminations, dlIdx);
                powerDelta[0] = powerDelta[0].sub(removedPower);
                deadlines.updateDeadline(store, dlIdx, deadline);
              }
              st.saveDeadlines(store, deadlines);
              return had;
            });
    boolean more = processEarlyTerminations(rt);
    if (more && !hadEarlyTerminations) {
      scheduleEarlyTerminationWork(rt);
    }
    requestUpdatePower(rt, powerDelta[0]);
    return new TerminateSectorsReturn(!more);
  }

  // ---------------------------------------------------------------- Faults and recoveries

  static void declareFaults(Runtime rt, DeclareFaultsParams params) {
    if (params.faults().size() > Policy.DECLARATIONS_MAX) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "too many fault declarations for a single message: %d > %d",
          params.faults().size(),
          Policy.DECLARATIONS_MAX);
    }
    DeadlineSectorMap toProcess = new DeadlineSectorMap();
    for (FaultDeclaration d : params.faults()) {
      toProcess.add(d.deadline(), d.partition(), d.sectors());
    }
    toProcess.check(Policy.ADDRESSED_PARTITIONS_MAX, Policy.ADDRESSED_SECTORS_MAX);
    IpldStore store = rt.store();
    PowerPair powerDelta =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              MinerInfo info = st.getInfo(store);
              rt.validateImmediateCallerIs(info.controlOwnerWorker());
              Deadlines deadlines = st.loadDeadlines(store);
              Sectors sectors = Sectors.load(store, st.sectors);
              PowerPair delta = PowerPair.ZERO;
              for (Map.Entry<Long, PartitionSectorMap> e : toProcess.deadlines.entrySet()) {
                long dlIdx = e.getKey();
                DeadlineInfo targetDeadline =
                    declarationDeadlineInfo(st.provingPeriodStart, dlIdx, rt.currEpoch());
                validateFrDeclarationDeadline(targetDeadline);
                Deadline deadline = deadlines.loadDeadline(store, dlIdx);
                long faultExpirationEpoch = targetDeadline.last() + Policy.FAULT_MAX_AGE;
                PowerPair dlDelta =
                    deadline.declareFaults(
                        store,
                        sectors,
                        info.sectorSize,
                        targetDeadline.quantSpec(),
                        faultExpirationEpoch,
                        e.getValue());
                deadlines.updateDeadline(store, dlIdx, deadline);
                delta = delta.add(dlDelta);
              }
              st.saveDeadlines(store, deadlines);
              return delta;
            });
    requestUpdatePower(rt, powerDelta);
  }

  static void declareFaultsRecovered(Runtime rt, DeclareFaultsRecoveredParams params) {
    if (params.recoveries().size() > Policy.DECLARATIONS_MAX) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "too many recovery declarations for a single message: %d > %d",
          params.recoveries().size(),
          Policy.DECLARATIONS_MAX);
    }
    DeadlineSectorMap toProcess = new DeadlineSectorMap();
    for (RecoveryDeclaration d : params.recoveries()) {
      toProcess.add(d.deadline(), d.partition(), d.sectors());
    }
    toProcess.check(Policy.ADDRESSED_PARTITIONS_MAX, Policy.ADDRESSED_SECTORS_MAX);
    IpldStore store = rt.store();
    TokenAmount feeToBurn =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              TokenAmount toBurn = st.repayDebts(rt.currentBalance());
              MinerInfo info = st.getInfo(store);
              rt.validateImmediateCallerIs(info.controlOwnerWorker());
              if (consensusFaultActive(info, rt.currEpoch())) {
                throw abort(
                    ExitCode.ERR_FORBIDDEN, "recovery not allowed during active consensus fault");
              }
              Deadlines deadlines = st.loadDeadlines(store);
              Sectors sectors = Sectors.load(store, st.sectors);
              for (Map.Entry<Long, PartitionSectorMap> e : toProcess.deadlines.entrySet()) {
                long dlIdx = e.getKey();
                DeadlineInfo targetDeadline =
                    declarationDeadlineInfo(st.provingPeriodStart, dlIdx, rt.currEpoch());
                validateFrDeclarationDeadline(targetDeadline);
                Deadline deadline = deadlines.loadDeadline(store, dlIdx);
                deadline.declareFaultsRecovered(store, sectors, info.sectorSize, e.getValue());
                deadlines.updateDeadline(store, dlIdx, deadline);
              }
              st.saveDeadlines(store, deadlines);
              return toBurn;
            });
    burnFunds(rt, feeToBurn);
    MinerState st = rt.stateReadonly(MinerState::decode);
    checkBalanceInvariants(st, rt.currentBalance());
  }

  // ---------------------------------------------------------------- Compaction

  static void compactPartitions(Runtime rt, CompactPartitionsParams params) {
    if (Long.compareUnsigned(params.deadline(), Policy.WPOST_PERIOD_DEADLINES) >= 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "invalid deadline %d", params.deadline());
    }
    long partitionCount = params.partitions().count();
    IpldStore store = rt.store();
    rt.stateTransaction(
        MinerState::decode,
        st -> {
          MinerInfo info = st.getInfo(store);
          rt.validateImmediateCallerIs(info.controlOwnerWorker());
          if (!MinerState.deadlineIsMutable(
              st.provingPeriodStart, params.deadline(), rt.currEpoch())) {
            throw abort(
                ExitCode.ERR_FORBIDDEN,
                "cannot compact deadline %d during its challenge window or the prior challenge window",
                params.deadline());
          }
          long submissionPartitionLimit =
              Policy.loadPartitionsSectorsMax(info.windowPoStPartitionSectors);
          if (Long.compareUnsigned(partitionCount, submissionPartitionLimit) > 0) {
            throw abort(
                ExitCode.ERR_ILLEGAL_ARGUMENT,
                "too many partitions %d, limit %d",
                partitionCount,
                submissionPartitionLimit);
          }
          QuantSpec quant = st.quantSpecForDeadline(params.deadline());
          Deadlines deadlines = st.loadDeadlines(store);
          Deadline deadline = deadlines.loadDeadline(store, params.deadline());
          Deadline.RemovedPartitions removed =
              deadline.removePartitions(store, params.partitions(), quant);
          st.deleteSectors(store, removed.dead());
          List<SectorOnChainInfo> sectors = st.loadSectorInfos(store, removed.live());
          PowerPair newPower =
              deadline.addSectors(
                  store, info.windowPoStPartitionSectors, true, sectors, info.sectorSize, quant);
          if (!removed.removedPower().equals(newPower)) {
            throw abort(
                ExitCode.ERR_ILLEGAL_STATE,
                "power changed when compacting partitions: was %s, is now %s",
                removed.removedPower(),
                newPower);
          }
          deadlines.updateDeadline(store, params.deadline(), deadline);
          st.saveDeadlines(store, deadlines);
          return null;
        });
  }

  static void compactSectorNumbers(Runtime rt, CompactSectorNumbersParams params) {
    BitField mask = params.maskSectorNumbers();
    if (mask.isEmpty()) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "invalid mask bitfield");
    }
    long last = mask.last().getAsLong();
    if (last < 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "masked sector number %d exceeded max sector number",
          last);
    }
    rt.stateTransaction(
        MinerState::decode,
        st -> {
          MinerInfo info = st.getInfo(rt.store());
          rt.validateImmediateCallerIs(info.controlOwnerWorker());
          st.maskSectorNumbers(rt.store(), mask);
          return null;
        });
  }

  // ---------------------------------------------------------------- Funds

  static void applyRewards(Runtime rt, ApplyRewardParams params) {
    if (params.reward().signum() < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "cannot lock up a negative amount of funds");
    }
    if (params.penalty().signum() < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "cannot penalize a negative amount of funds");
    }
    int nv = rt.networkVersion();
    TokenAmount[] pledgeDeltaTotal = {TokenAmount.ZERO};
    TokenAmount toBurn =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              IpldStore store = rt.store();
              rt.validateImmediateCallerIs(Builtin.REWARD_ACTOR_ADDR);
              TokenAmount rewardToLock = Monies.lockedRewardFromReward(params.reward(), nv);
              TokenAmount unlockedBalance = st.getUnlockedBalance(rt.currentBalance());
              if (unlockedBalance.compareTo(rewardToLock) < 0) {
                throw abort(
                    ExitCode.ERR_INSUFFICIENT_FUNDS,
                    "insufficient funds to lock, available: %s, requested: %s",
                    unlockedBalance,
                    rewardToLock);
              }
              TokenAmount newlyVested =
                  st.addLockedFunds(
                      store, rt.currEpoch(), rewardToLock, Policy.REWARD_VESTING_SPEC);
              pledgeDeltaTotal[0] = pledgeDeltaTotal[0].subtract(newlyVested).add(rewardToLock);
              st.applyPenalty(params.penalty());
              MinerState.Repayment repaid =
                  st.repayPartialDebtInPriorityOrder(store, rt.currEpoch(), rt.currentBalance());
              pledgeDeltaTotal[0] = pledgeDeltaTotal[0].subtract(repaid.fromVesting());
              return repaid.fromVesting().add(repaid.fromBalance());
            });
    notifyPledgeChanged(rt, pledgeDeltaTotal[0]);
    burnFunds(rt, toBurn);
  }

  static void reportConsensusFault(Runtime rt, ReportConsensusFaultParams params) {
    rt.validateImmediateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
    Address reporter = rt.caller();
    ConsensusFault fault;
    try {
      fault =
          rt.verifyConsensusFault(
              params.blockHeader1(), params.blockHeader2(), params.blockHeaderExtra());
    } catch (SyscallException e) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "fault not verified: %s", e.getMessage());
    }
    long currEpoch = rt.currEpoch();
    long faultAge = currEpoch - fault.epoch();
    if (faultAge <= 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "invalid fault epoch %d ahead of current %d",
          fault.epoch(),
          currEpoch);
    }
    ThisEpochRewardReturn rewardStats = requestCurrentEpochBlockReward(rt);
    TokenAmount faultPenalty =
        Monies.consensusFaultPenalty(
            new TokenAmount(rewardStats.thisEpochRewardSmoothed().estimate()));
    TokenAmount slasherReward = Policy.rewardForConsensusSlashReport(faultAge, faultPenalty);
    TokenAmount[] result =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              MinerInfo info = st.getInfo(rt.store());
              if (fault.epoch() < info.consensusFaultElapsed) {
                throw abort(
                    ExitCode.ERR_FORBIDDEN,
                    "fault epoch %d is too old, last exclusion period ended at %d",
                    fault.epoch(),
                    info.consensusFaultElapsed);
              }
              st.applyPenalty(faultPenalty);
              MinerState.Repayment repaid =
                  st.repayPartialDebtInPriorityOrder(rt.store(), currEpoch, rt.currentBalance());
              TokenAmount burnAmount = repaid.fromVesting().add(repaid.fromBalance());
              TokenAmount pledgeDelta = Big.neg(repaid.fromVesting());
              TokenAmount rewardAmount = Big.min(burnAmount, slasherReward);
              burnAmount = burnAmount.subtract(rewardAmount);
              info.consensusFaultElapsed =
                  rt.currEpoch() + Policy.CONSENSUS_FAULT_INELIGIBILITY_DURATION;
              st.saveInfo(rt.store(), info);
              return new TokenAmount[] {burnAmount, pledgeDelta, rewardAmount};
            });
    // a failed reward send is only logged in Go
    rt.send(reporter, Builtin.METHOD_SEND, null, result[2]);
    burnFunds(rt, result[0]);
    notifyPledgeChanged(rt, result[1]);
    MinerState st = rt.stateReadonly(MinerState::decode);
    checkBalanceInvariants(st, rt.currentBalance());
  }

  static void withdrawBalance(Runtime rt, WithdrawBalanceParams params) {
    if (params.amountRequested().signum() < 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "negative fund requested for withdrawal: %s",
          params.amountRequested());
    }
    MinerState[] stHolder = {null};
    TokenAmount[] out = {TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO};
    MinerInfo info =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              stHolder[0] = st;
              MinerInfo minerInfo = st.getInfo(rt.store());
              rt.validateImmediateCallerIs(minerInfo.owner);
              long count = st.earlyTerminations.count();
              if (count > 0) {
                throw abort(
                    ExitCode.ERR_FORBIDDEN,
                    "cannot withdraw funds while %d deadlines have terminated sectors with"
                        + " outstanding fees",
                    count);
              }
              out[0] = st.unlockVestedFunds(rt.store(), rt.currEpoch());
              out[1] = st.getAvailableBalance(rt.currentBalance());
              out[2] = st.repayDebts(rt.currentBalance());
              return minerInfo;
            });
    TokenAmount newlyVested = out[0];
    TokenAmount availableBalance = out[1];
    TokenAmount feeToBurn = out[2];
    TokenAmount amountWithdrawn = Big.min(availableBalance, params.amountRequested());
    if (amountWithdrawn.signum() < 0) {
      throw new IllegalStateException("negative amount to withdraw " + amountWithdrawn);
    }
    if (amountWithdrawn.signum() > 0) {
      rt.send(info.owner, Builtin.METHOD_SEND, null, amountWithdrawn)
          .requireSuccess("failed to withdraw balance");
    }
    burnFunds(rt, feeToBurn);
    notifyPledgeChanged(rt, Big.neg(newlyVested));
    checkBalanceInvariants(stHolder[0], rt.currentBalance());
  }

  static void repayDebt(Runtime rt) {
    MinerState[] stHolder = {null};
    MinerState.Repayment repaid =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              stHolder[0] = st;
              MinerInfo info = st.getInfo(rt.store());
              rt.validateImmediateCallerIs(info.controlOwnerWorker());
              return st.repayPartialDebtInPriorityOrder(
                  rt.store(), rt.currEpoch(), rt.currentBalance());
            });
    notifyPledgeChanged(rt, Big.neg(repaid.fromVesting()));
    burnFunds(rt, repaid.fromVesting().add(repaid.fromBalance()));
    checkBalanceInvariants(stHolder[0], rt.currentBalance());
  }

  // ---------------------------------------------------------------- Cron

  static void onDeferredCronEvent(Runtime rt, CronEventPayload payload) {
    rt.validateImmediateCallerIs(Builtin.STORAGE_POWER_ACTOR_ADDR);
    if (payload.eventType() == CronEventPayload.PROVING_DEADLINE) {
      handleProvingDeadline(rt);
    } else if (payload.eventType() == CronEventPayload.PROCESS_EARLY_TERMINATIONS) {
      if (processEarlyTerminations(rt)) {
        scheduleEarlyTerminationWork(rt);
      }
    }
  }

  /** Processes pending early terminations (penalties, pledge, deals); true if more remain. */
  static boolean processEarlyTerminations(Runtime rt) {
    IpldStore store = rt.store();
    ThisEpochRewardReturn rewardStats = requestCurrentEpochBlockReward(rt);
    CurrentTotalPowerReturn pwrTotal = requestCurrentTotalPower(rt);
    List<OnMinerSectorsTerminateParams> dealsToTerminate = new ArrayList<>();
    TokenAmount[] penaltyAndPledge = {TokenAmount.ZERO, TokenAmount.ZERO};
    MinerState.PoppedTerminations popped =
        rt.stateTransaction(
            MinerState::decode,
            st -> {
              MinerState.PoppedTerminations p =
                  st.popEarlyTerminations(
                      store, Policy.ADDRESSED_PARTITIONS_MAX, Policy.ADDRESSED_SECTORS_MAX);
              TerminationResult result = p.result();
              if (result.isEmpty()) {
                return p;
              }
              MinerInfo info = st.getInfo(store);
              Sectors sectors = Sectors.load(store, st.sectors);
              TokenAmount totalInitialPledge = TokenAmount.ZERO;
              TokenAmount penalty = TokenAmount.ZERO;
              for (Map.Entry<Long, BitField> e : result.sectors.entrySet()) {
                long epoch = e.getKey();
                List<SectorOnChainInfo> infos = sectors.load(e.getValue());
                List<Long> dealIds = new ArrayList<>();
                for (SectorOnChainInfo s : infos) {
                  dealIds.addAll(s.dealIds());
                  totalInitialPledge = totalInitialPledge.add(s.initialPledge());
                }
                penalty =
                    penalty.add(
                        terminationPenalty(
                            info.sectorSize,
                            epoch,
                            rewardStats.thisEpochRewardSmoothed(),
                            pwrTotal.qualityAdjPowerSmoothed(),
                            infos));
                dealsToTerminate.add(new OnMinerSectorsTerminateParams(epoch, dealIds));
              }
              st.applyPenalty(penalty);
              st.addInitialPledge(Big.neg(totalInitialPledge));
              TokenAmount pledgeDelta = Big.neg(totalInitialPledge);
              MinerState.Repayment repaid =
                  st.repayPartialDebtInPriorityOrder(store, rt.currEpoch(), rt.currentBalance());
              penaltyAndPledge[0] = repaid.fromVesting().add(repaid.fromBalance());
              penaltyAndPledge[1] = pledgeDelta.subtract(repaid.fromVesting());
              return p;
            });
    if (popped.result().isEmpty()) {
      return popped.hasMore();
    }
    burnFunds(rt, penaltyAndPledge[0]);
    notifyPledgeChanged(rt, penaltyAndPledge[1]);
    for (OnMinerSectorsTerminateParams p : dealsToTerminate) {
      requestTerminateDeals(rt, p.epoch(), p.dealIds());
    }
    return popped.hasMore();
  }

  /** The cron callback at the end of every deadline. */
  static void handleProvingDeadline(Runtime rt) {
    long currEpoch = rt.currEpoch();
    IpldStore store = rt.store();
    ThisEpochRewardReturn epochReward = requestCurrentEpochBlockReward(rt);
    CurrentTotalPowerReturn pwrTotal = requestCurrentTotalPower(rt);
    PowerPair[] powerDeltaTotal = {PowerPair.ZERO};
    TokenAmount[] penaltyTotal = {TokenAmount.ZERO};
    TokenAmount[] pledgeDeltaTotal = {TokenAmount.ZERO};
    boolean[] hadEarlyTerminations = {false};
    MinerState st =
        rt.stateTransaction(
            MinerState::decode,
            s -> {
              TokenAmount newlyVested = s.unlockVestedFunds(store, rt.currEpoch());
              pledgeDeltaTotal[0] = pledgeDeltaTotal[0].add(Big.neg(newlyVested));

              MinerInfo info = s.getInfo(store);
              processPendingWorker(info, rt, s);

              TokenAmount depositToBurn = s.expirePreCommits(store, currEpoch);
              s.applyPenalty(depositToBurn);

              hadEarlyTerminations[0] = !s.earlyTerminations.isEmpty();

              MinerState.AdvanceDeadlineResult result = s.advanceDeadline(store, currEpoch);
              TokenAmount penaltyTarget =
                  Monies.pledgePenaltyForContinuedFault(
                      epochReward.thisEpochRewardSmoothed(),
                      pwrTotal.qualityAdjPowerSmoothed(),
                      result.previouslyFaultyPower().qa());
              powerDeltaTotal[0] = powerDeltaTotal[0].add(result.powerDelta());
              pledgeDeltaTotal[0] = pledgeDeltaTotal[0].add(result.pledgeDelta());
              s.applyPenalty(penaltyTarget);
              MinerState.Repayment repaid =
                  s.repayPartialDebtInPriorityOrder(store, currEpoch, rt.currentBalance());
              penaltyTotal[0] = repaid.fromVesting().add(repaid.fromBalance());
              pledgeDeltaTotal[0] = pledgeDeltaTotal[0].subtract(repaid.fromVesting());
              return s;
            });
    requestUpdatePower(rt, powerDeltaTotal[0]);
    burnFunds(rt, penaltyTotal[0]);
    notifyPledgeChanged(rt, pledgeDeltaTotal[0]);
    DeadlineInfo newDlInfo = st.deadlineInfo(currEpoch);
    enrollCronEvent(rt, newDlInfo.last(), CronEventPayload.PROVING_DEADLINE);
    boolean hasEarlyTerminations = !st.earlyTerminations.isEmpty();
    if (!hadEarlyTerminations[0] && hasEarlyTerminations) {
      if (processEarlyTerminations(rt)) {
        scheduleEarlyTerminationWork(rt);
      }
    }
  }

  // ---------------------------------------------------------------- Helpers

  static void validateExpiration(Runtime rt, long activation, long expiration, long sealProof) {
    if (expiration <= activation) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "sector expiration %d must be after activation (%d)",
          expiration,
          activation);
    }
    if (expiration - activation < Policy.MIN_SECTOR_EXPIRATION) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "invalid expiration %d, total sector lifetime (%d) must exceed %d after activation %d",
          expiration,
          expiration - activation,
          Policy.MIN_SECTOR_EXPIRATION,
          activation);
    }
    if (expiration > rt.currEpoch() + Policy.MAX_SECTOR_EXPIRATION_EXTENSION) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "invalid expiration %d, cannot be more than %d past current epoch %d",
          expiration,
          Policy.MAX_SECTOR_EXPIRATION_EXTENSION,
          rt.currEpoch());
    }
    long maxLifetime = SealProofs.sectorMaximumLifetime(sealProof);
    if (maxLifetime < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "unrecognized seal proof type %d", sealProof);
    }
    if (expiration - activation > maxLifetime) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "invalid expiration %d, total sector lifetime (%d) cannot exceed %d after activation %d",
          expiration,
          expiration - activation,
          maxLifetime,
          activation);
    }
  }

  static void validateReplaceSector(
      Runtime rt, MinerState st, IpldStore store, SectorPreCommitInfo params) {
    int nv = rt.networkVersion();
    SectorOnChainInfo replaceSector = st.getSector(store, params.replaceSectorNumber());
    if (replaceSector == null) {
      throw abort(
          ExitCode.ERR_NOT_FOUND, "no such sector %d to replace", params.replaceSectorNumber());
    }
    if (!replaceSector.dealIds().isEmpty()) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "cannot replace sector %d which has deals",
          params.replaceSectorNumber());
    }
    if (nv < 7) {
      if (params.sealProof() != replaceSector.sealProof()) {
        throw abort(
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            "cannot replace sector %d seal proof %d with seal proof %d",
            params.replaceSectorNumber(),
            replaceSector.sealProof(),
            params.sealProof());
      }
    } else {
      long replaceWPoStProof = SealProofs.windowPoStProof(replaceSector.sealProof());
      if (replaceWPoStProof < 0) {
        throw abort(ExitCode.ERR_ILLEGAL_STATE, "failed to lookup Window PoSt proof type");
      }
      long newWPoStProof = SealProofs.windowPoStProof(params.sealProof());
      if (newWPoStProof < 0) {
        throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "failed to lookup Window PoSt proof type");
      }
      if (newWPoStProof != replaceWPoStProof) {
        throw abort(
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            "new sector window PoSt proof type %d must match replaced proof type %d",
            newWPoStProof,
            replaceWPoStProof);
      }
    }
    if (params.expiration() < replaceSector.expiration()) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "cannot replace sector %d expiration %d with sooner expiration %d",
          params.replaceSectorNumber(),
          replaceSector.expiration(),
          params.expiration());
    }
    st.checkSectorHealth(
        store,
        params.replaceSectorDeadline(),
        params.replaceSectorPartition(),
        params.replaceSectorNumber());
  }

  static void enrollCronEvent(Runtime rt, long eventEpoch, long eventType) {
    byte[] payload = new CronEventPayload(eventType).toCbor();
    rt.send(
            Builtin.STORAGE_POWER_ACTOR_ADDR,
            Builtin.MethodsPower.ENROLL_CRON_EVENT,
            new EnrollCronEventParams(eventEpoch, payload),
            TokenAmount.ZERO)
        .requireSuccess("failed to enroll cron event");
  }

  static void requestUpdatePower(Runtime rt, PowerPair delta) {
    if (delta.isZero()) {
      return;
    }
    rt.send(
            Builtin.STORAGE_POWER_ACTOR_ADDR,
            Builtin.MethodsPower.UPDATE_CLAIMED_POWER,
            new UpdateClaimedPowerParams(delta.raw(), delta.qa()),
            TokenAmount.ZERO)
        .requireSuccess("failed to update power");
  }

  static void requestTerminateDeals(Runtime rt, long epoch, List<Long> dealIds) {
    List<Long> rest = dealIds;
    while (!rest.isEmpty()) {
      int size = Math.min(MAX_LENGTH, rest.size());
      rt.send(
              Builtin.STORAGE_MARKET_ACTOR_ADDR,
              Builtin.MethodsMarket.ON_MINER_SECTORS_TERMINATE,
              new OnMinerSectorsTerminateParams(epoch, rest.subList(0, size)),
              TokenAmount.ZERO)
          .requireSuccess("failed to terminate deals");
      rest = rest.subList(size, rest.size());
    }
  }

  static void scheduleEarlyTerminationWork(Runtime rt) {
    enrollCronEvent(rt, rt.currEpoch() + 1, CronEventPayload.PROCESS_EARLY_TERMINATIONS);
  }

  static void verifyWindowedPost(
      Runtime rt, long challengeEpoch, List<SectorOnChainInfo> sectors, List<PoStProof> proofs) {
    long minerActorId = rt.receiver().id();
    byte[] addrBuf = addressCbor(rt.receiver());
    byte[] postRandomness =
        rt.getRandomnessFromBeacon(
            DomainSeparationTag.WINDOWED_POST_CHALLENGE_SEED, challengeEpoch, addrBuf);
    List<SectorInfo> challenged = new ArrayList<>(sectors.size());
    for (SectorOnChainInfo s : sectors) {
      challenged.add(new SectorInfo(s.sealProof(), s.sectorNumber(), s.sealedCid()));
    }
    try {
      rt.verifyPoSt(new WindowPoStVerifyInfo(postRandomness, proofs, challenged, minerActorId));
    } catch (SyscallException e) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "invalid PoSt: %s", e.getMessage());
    }
  }

  @SuppressWarnings("TooManyParameters") // SealVerifyStuff's fields
  static SealVerifyInfo getVerifyInfo(
      Runtime rt,
      Cid sealedCid,
      long interactiveEpoch,
      long sealRandEpoch,
      byte[] proof,
      List<Long> dealIds,
      long sectorNumber,
      long sealProof) {
    if (rt.currEpoch() <= interactiveEpoch) {
      throw abort(ExitCode.ERR_FORBIDDEN, "too early to prove sector");
    }
    Cid commD = requestUnsealedSectorCid(rt, sealProof, dealIds);
    long minerActorId = rt.receiver().id();
    byte[] buf = addressCbor(rt.receiver());
    byte[] randomness =
        rt.getRandomnessFromTickets(DomainSeparationTag.SEAL_RANDOMNESS, sealRandEpoch, buf);
    byte[] interactiveRandomness =
        rt.getRandomnessFromBeacon(
            DomainSeparationTag.INTERACTIVE_SEAL_CHALLENGE_SEED, interactiveEpoch, buf);
    return new SealVerifyInfo(
        sealProof,
        new SectorId(minerActorId, sectorNumber),
        dealIds,
        randomness,
        interactiveRandomness,
        proof,
        sealedCid,
        commD);
  }

  static Cid requestUnsealedSectorCid(Runtime rt, long proofType, List<Long> dealIds) {
    return rt.send(
            Builtin.STORAGE_MARKET_ACTOR_ADDR,
            Builtin.MethodsMarket.COMPUTE_DATA_COMMITMENT,
            new ComputeDataCommitmentParams(dealIds, proofType),
            TokenAmount.ZERO)
        .requireSuccess("failed request for unsealed sector CID")
        .decodeReturn(r -> r.readCid());
  }

  static VerifyDealsForActivationReturn requestDealWeight(
      Runtime rt, List<Long> dealIds, long sectorStart, long sectorExpiry) {
    if (dealIds.isEmpty()) {
      return new VerifyDealsForActivationReturn(BigInteger.ZERO, BigInteger.ZERO, 0);
    }
    return rt.send(
            Builtin.STORAGE_MARKET_ACTOR_ADDR,
            Builtin.MethodsMarket.VERIFY_DEALS_FOR_ACTIVATION,
            new VerifyDealsForActivationParams(dealIds, sectorExpiry, sectorStart),
            TokenAmount.ZERO)
        .requireSuccess("failed to verify deals and get deal weight")
        .decodeReturn(VerifyDealsForActivationReturn::decode);
  }

  static ThisEpochRewardReturn requestCurrentEpochBlockReward(Runtime rt) {
    return rt.send(
            Builtin.REWARD_ACTOR_ADDR,
            Builtin.MethodsReward.THIS_EPOCH_REWARD,
            null,
            TokenAmount.ZERO)
        .requireSuccess("failed to check epoch baseline power")
        .decodeReturn(ThisEpochRewardReturn::decode);
  }

  static CurrentTotalPowerReturn requestCurrentTotalPower(Runtime rt) {
    return rt.send(
            Builtin.STORAGE_POWER_ACTOR_ADDR,
            Builtin.MethodsPower.CURRENT_TOTAL_POWER,
            null,
            TokenAmount.ZERO)
        .requireSuccess("failed to check current power")
        .decodeReturn(CurrentTotalPowerReturn::decode);
  }

  static Address resolveControlAddress(Runtime rt, Address raw) {
    Address resolved =
        rt.resolveAddress(raw)
            .orElseThrow(
                () -> abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "unable to resolve address %s", raw));
    Cid ownerCode =
        rt.getActorCodeCid(resolved)
            .orElseThrow(
                () -> abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "no code for address %s", resolved));
    if (!ownerCode.equals(ACCOUNT_CODE) && !ownerCode.equals(MULTISIG_CODE)) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "owner actor type must be a principal, was %s", ownerCode);
    }
    return resolved;
  }

  static Address resolveWorkerAddress(Runtime rt, Address raw) {
    Address resolved =
        rt.resolveAddress(raw)
            .orElseThrow(
                () -> abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "unable to resolve address %s", raw));
    Cid workerCode =
        rt.getActorCodeCid(resolved)
            .orElseThrow(
                () -> abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "no code for address %s", resolved));
    if (!workerCode.equals(ACCOUNT_CODE)) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "worker actor type must be an account, was %s",
          workerCode);
    }
    if (raw.protocol() != Protocol.BLS) {
      Address pubkey =
          rt.send(resolved, Builtin.MethodsAccount.PUBKEY_ADDRESS, null, TokenAmount.ZERO)
              .requireSuccess("failed to fetch account pubkey")
              .decodeReturn(Address::decode);
      if (pubkey.protocol() != Protocol.BLS) {
        throw abort(
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            "worker account %s must have BLS pubkey, was %s",
            resolved,
            pubkey.protocol());
      }
    }
    return resolved;
  }

  static void burnFunds(Runtime rt, TokenAmount amt) {
    if (amt.signum() > 0) {
      rt.send(Builtin.BURNT_FUNDS_ACTOR_ADDR, Builtin.METHOD_SEND, null, amt)
          .requireSuccess("failed to burn funds");
    }
  }

  static void notifyPledgeChanged(Runtime rt, TokenAmount pledgeDelta) {
    if (!pledgeDelta.isZero()) {
      rt.send(
              Builtin.STORAGE_POWER_ACTOR_ADDR,
              Builtin.MethodsPower.UPDATE_PLEDGE_TOTAL,
              w -> pledgeDelta.encode(w),
              TokenAmount.ZERO)
          .requireSuccess("failed to update total pledge");
    }
  }

  /** The proving period offset: blake2b(address CBOR ‖ epoch as big-endian int64) mod period. */
  static long assignProvingPeriodOffset(Runtime rt, Address myAddr, long currEpoch) {
    byte[] addr = addressCbor(myAddr);
    byte[] seed = ByteBuffer.allocate(addr.length + 8).put(addr).putLong(currEpoch).array();
    byte[] digest = rt.hashBlake2b(seed);
    long offset = ByteBuffer.wrap(digest, 0, 8).getLong();
    return Long.remainderUnsigned(offset, Policy.WPOST_PROVING_PERIOD);
  }

  static long currentProvingPeriodStart(long currEpoch, long offset) {
    long currModulus = currEpoch % Policy.WPOST_PROVING_PERIOD;
    long periodProgress =
        currModulus >= offset
            ? currModulus - offset
            : Policy.WPOST_PROVING_PERIOD - (offset - currModulus);
    return currEpoch - periodProgress;
  }

  static long currentDeadlineIndex(long currEpoch, long periodStart) {
    return (currEpoch - periodStart) / Policy.WPOST_CHALLENGE_WINDOW;
  }

  static void processPendingWorker(MinerInfo info, Runtime rt, MinerState st) {
    if (info.pendingWorkerKey == null || rt.currEpoch() < info.pendingWorkerKey.effectiveAt()) {
      return;
    }
    info.worker = info.pendingWorkerKey.newWorker();
    info.pendingWorkerKey = null;
    st.saveInfo(rt.store(), info);
  }

  static DeadlineInfo declarationDeadlineInfo(long periodStart, long deadlineIdx, long currEpoch) {
    if (Long.compareUnsigned(deadlineIdx, Policy.WPOST_PERIOD_DEADLINES) >= 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "invalid deadline %d, must be < %d",
          deadlineIdx,
          Policy.WPOST_PERIOD_DEADLINES);
    }
    return DeadlineInfo.of(periodStart, deadlineIdx, currEpoch).nextNotElapsed();
  }

  static void validateFrDeclarationDeadline(DeadlineInfo deadline) {
    if (deadline.faultCutoffPassed()) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "late fault or recovery declaration");
    }
  }

  static TokenAmount terminationPenalty(
      long sectorSize,
      long currEpoch,
      FilterEstimate rewardEstimate,
      FilterEstimate networkQaPowerEstimate,
      List<SectorOnChainInfo> sectors) {
    TokenAmount totalFee = TokenAmount.ZERO;
    for (SectorOnChainInfo s : sectors) {
      BigInteger sectorPower = Policy.qaPowerForSector(sectorSize, s);
      TokenAmount fee =
          Monies.pledgePenaltyForTermination(
              s.expectedDayReward(),
              currEpoch - s.activation(),
              s.expectedStoragePledge(),
              networkQaPowerEstimate,
              sectorPower,
              rewardEstimate,
              s.replacedDayReward(),
              s.replacedSectorAge());
      totalFee = fee.add(totalFee);
    }
    return totalFee;
  }

  static boolean consensusFaultActive(MinerInfo info, long currEpoch) {
    return currEpoch <= info.consensusFaultElapsed;
  }

  static void checkControlAddresses(List<Address> controlAddrs) {
    if (controlAddrs.size() > Policy.MAX_CONTROL_ADDRESSES) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "control addresses length %d exceeds max control addresses length %d",
          controlAddrs.size(),
          Policy.MAX_CONTROL_ADDRESSES);
    }
  }

  static void checkPeerInfo(byte[] peerId, List<byte[]> multiaddrs) {
    if (peerId.length > Policy.MAX_PEER_ID_LENGTH) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "peer ID size of %d exceeds maximum size of %d",
          peerId.length,
          Policy.MAX_PEER_ID_LENGTH);
    }
    int totalSize = 0;
    for (byte[] ma : multiaddrs) {
      if (ma.length == 0) {
        throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "invalid empty multiaddr");
      }
      totalSize += ma.length;
    }
    if (totalSize > Policy.MAX_MULTIADDR_DATA) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "multiaddr size of %d exceeds maximum of %d",
          totalSize,
          Policy.MAX_MULTIADDR_DATA);
    }
  }

  static void checkBalanceInvariants(MinerState st, TokenAmount balance) {
    String broken = st.checkBalanceInvariants(balance);
    if (broken != null) {
      throw abort(ERR_BALANCE_INVARIANT_BROKEN, "balance invariants broken: %s", broken);
    }
  }

  private static byte[] addressCbor(Address a) {
    CborWriter w = new CborWriter();
    a.encode(w);
    return w.toByteArray();
  }

  private static ActorException abort(int code, String format, Object... args) {
    return ActorException.abortf(code, format, args);
  }
}
