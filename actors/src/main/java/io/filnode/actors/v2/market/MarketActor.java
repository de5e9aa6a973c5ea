package io.filnode.actors.v2.market;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMarket;
import io.filnode.actors.builtin.MinerAddrs;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.builtin.Require;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.runtime.SyscallException;
import io.filnode.actors.runtime.proof.PieceInfo;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.util.adt.SetMultimap;
import io.filnode.actors.v2.market.MarketStateMutation.DealUpdate;
import io.filnode.actors.v2.market.MarketStateMutation.Permission;
import io.filnode.actors.v2.power.CurrentTotalPowerReturn;
import io.filnode.actors.v2.reward.ThisEpochRewardReturn;
import io.filnode.actors.v2.verifreg.RestoreBytesParams;
import io.filnode.actors.v2.verifreg.UseBytesParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The specs-actors v2 storage market actor: escrow for clients and providers, publication and
 * activation of storage deals, and their payment, expiry and slashing in cron. Every method loads
 * and flushes the same state structures in the same order as Go's, because that is gas.
 */
public final class MarketActor implements ActorCode {
  static final Cid MINER_CODE = BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2);

  /** builtin.CallerTypesSignable. */
  private static final Cid[] CALLER_TYPES_SIGNABLE = {
    BuiltinActors.codeCid(ActorKind.ACCOUNT, 2), BuiltinActors.codeCid(ActorKind.MULTISIG, 2)
  };

  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    int m = method >= 1 && method <= MethodsMarket.CRON_TICK ? (int) method : -1;
    return switch (m) {
      case (int) MethodsMarket.CONSTRUCTOR -> {
        constructor(rt);
        yield NONE;
      }
      case (int) MethodsMarket.ADD_BALANCE -> {
        addBalance(rt, Params.decode(rt, params, Address::decode));
        yield NONE;
      }
      case (int) MethodsMarket.WITHDRAW_BALANCE -> {
        withdrawBalance(rt, Params.decode(rt, params, WithdrawBalanceParams::decode));
        yield NONE;
      }
      case (int) MethodsMarket.PUBLISH_STORAGE_DEALS ->
          publishStorageDeals(rt, Params.decode(rt, params, PublishStorageDealsParams::decode))
              .toCbor();
      case (int) MethodsMarket.VERIFY_DEALS_FOR_ACTIVATION ->
          verifyDealsForActivation(
                  rt, Params.decode(rt, params, VerifyDealsForActivationParams::decode))
              .toCbor();
      case (int) MethodsMarket.ACTIVATE_DEALS -> {
        activateDeals(rt, Params.decode(rt, params, ActivateDealsParams::decode));
        yield NONE;
      }
      case (int) MethodsMarket.ON_MINER_SECTORS_TERMINATE -> {
        onMinerSectorsTerminate(
            rt, Params.decode(rt, params, OnMinerSectorsTerminateParams::decode));
        yield NONE;
      }
      case (int) MethodsMarket.COMPUTE_DATA_COMMITMENT -> {
        Cid commD =
            computeDataCommitment(
                rt, Params.decode(rt, params, ComputeDataCommitmentParams::decode));
        yield new CborWriter().writeCid(commD).toByteArray();
      }
      case (int) MethodsMarket.CRON_TICK -> {
        cronTick(rt);
        yield NONE;
      }
      default ->
          throw new ActorException(
              ExitCode.SYS_ERR_INVALID_METHOD, "market actor has no method " + method);
    };
  }

  // --- Methods ---

  void constructor(Runtime rt) {
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    IpldStore store = rt.store();
    Cid emptyArray = AdtArray.create(store, AmtOptions.v2()).flush();
    Cid emptyMap = AdtMap.create(store, MarketStateMutation.HAMT).flush();
    Cid emptyMultimap = SetMultimap.create(store, MarketStateMutation.HAMT).root();
    rt.stateCreate(MarketState.construct(emptyArray, emptyMap, emptyMultimap));
  }

  /** Deposits the value received into the escrow of a client or provider. */
  void addBalance(Runtime rt, Address providerOrClientAddress) {
    TokenAmount msgValue = rt.valueReceived();
    Require.param(msgValue.signum() > 0, "balance to add must be greater than zero");
    // Only signing parties can add balance, for a client and for a provider alike.
    rt.validateImmediateCallerType(CALLER_TYPES_SIGNABLE);

    EscrowAddress escrow = escrowAddress(rt, providerOrClientAddress);
    rt.stateTransaction(
        MarketState::decode,
        st -> {
          MarketStateMutation msm =
              mutator(rt, st)
                  .withEscrowTable(Permission.WRITE)
                  .withLockedTable(Permission.WRITE)
                  .build();
          msm.escrowTable.add(escrow.nominal(), msgValue);
          msm.commitState();
          return null;
        });
  }

  /**
   * Withdraws up to the amount asked from the unlocked part of an escrow; a provider's funds go to
   * its owner, at the request of the owner or worker.
   */
  void withdrawBalance(Runtime rt, WithdrawBalanceParams params) {
    if (params.amount().signum() < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "negative amount %s", params.amount().toAttoString());
    }
    EscrowAddress escrow = escrowAddress(rt, params.providerOrClientAddress());
    rt.validateImmediateCallerIs(escrow.approvedCallers().toArray(new Address[0]));

    TokenAmount amountExtracted =
        rt.stateTransaction(
            MarketState::decode,
            st -> {
              MarketStateMutation msm =
                  mutator(rt, st)
                      .withEscrowTable(Permission.WRITE)
                      .withLockedTable(Permission.WRITE)
                      .build();
              // What cron has not processed yet stays locked, so this may be less than asked.
              TokenAmount minBalance = msm.lockedTable.get(escrow.nominal());
              TokenAmount ex =
                  msm.escrowTable.subtractWithMinimum(
                      escrow.nominal(), params.amount(), minBalance);
              msm.commitState();
              return ex;
            });

    rt.send(escrow.recipient(), Builtin.METHOD_SEND, null, amountExtracted)
        .requireSuccess("failed to send funds");
  }

  /** Publishes storage deals signed by their clients, all with the calling worker's miner. */
  PublishStorageDealsReturn publishStorageDeals(Runtime rt, PublishStorageDealsParams params) {
    // The message's sender must be the provider's worker, so only the client's signature is
    // checked in each proposal.
    rt.validateImmediateCallerType(CALLER_TYPES_SIGNABLE);
    if (params.deals().isEmpty()) {
      throw new ActorException(ExitCode.ERR_ILLEGAL_ARGUMENT, "empty deals parameter");
    }

    Address providerRaw = params.deals().get(0).proposal().provider();
    Address provider =
        rt.resolveAddress(providerRaw)
            .orElseThrow(
                () ->
                    ActorException.abortf(
                        ExitCode.ERR_NOT_FOUND,
                        "failed to resolve provider address %s",
                        providerRaw));
    Optional<Cid> codeId = rt.getActorCodeCid(provider);
    Require.param(codeId.isPresent(), "no codeId for address " + provider);
    if (!codeId.get().equals(MINER_CODE)) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "deal provider is not a StorageMinerActor");
    }

    MinerAddrs minerAddrs = requestMinerControlAddrs(rt, provider);
    if (!minerAddrs.worker().equals(rt.caller())) {
      throw ActorException.abortf(ExitCode.ERR_FORBIDDEN, "caller is not provider %s", provider);
    }

    Map<Address, Address> resolvedAddrs = new HashMap<>();
    BigInteger baselinePower = requestCurrentBaselinePower(rt);
    CurrentTotalPowerReturn networkPower = requestCurrentNetworkPower(rt);

    List<Long> newDealIds =
        rt.stateTransaction(
            MarketState::decode,
            st -> {
              MarketStateMutation msm =
                  mutator(rt, st)
                      .withPendingProposals(Permission.WRITE)
                      .withDealProposals(Permission.WRITE)
                      .withDealsByEpoch(Permission.WRITE)
                      .withEscrowTable(Permission.WRITE)
                      .withLockedTable(Permission.WRITE)
                      .build();

              // All deals are added atomically: any failure unwinds them all.
              List<Long> ids = new ArrayList<>();
              for (ClientDealProposal deal : params.deals()) {
                validateDeal(
                    rt,
                    deal,
                    networkPower.rawBytePower(),
                    networkPower.qualityAdjPower(),
                    baselinePower);

                Address dealProvider = deal.proposal().provider();
                if (!dealProvider.equals(provider) && !dealProvider.equals(providerRaw)) {
                  throw new ActorException(
                      ExitCode.ERR_ILLEGAL_ARGUMENT,
                      "cannot publish deals from different providers at the same time");
                }

                Address clientRaw = deal.proposal().client();
                Address client =
                    rt.resolveAddress(clientRaw)
                        .orElseThrow(
                            () ->
                                ActorException.abortf(
                                    ExitCode.ERR_NOT_FOUND,
                                    "failed to resolve client address %s",
                                    clientRaw));
                // The proposal stored on chain has ID addresses (after signature verification).
                DealProposal proposal = deal.proposal().withParties(client, provider);
                resolvedAddrs.put(clientRaw, client);

                msm.lockClientAndProviderBalances(proposal);
                long id = msm.generateStorageDealId();

                byte[] pcid = Keys.cid(proposal.cid());
                if (msm.pendingDeals.has(pcid)) {
                  throw new ActorException(
                      ExitCode.ERR_ILLEGAL_ARGUMENT, "cannot publish duplicate deals");
                }
                msm.pendingDeals.put(pcid, proposal);
                msm.dealProposals.set(id, proposal);

                // A random first processing epoch, so that an attacker cannot schedule too many
                // deals for one tick.
                long processEpoch = genRandNextEpoch(rt, proposal);
                msm.dealsByEpoch.put(processEpoch, id);
                ids.add(id);
              }
              msm.commitState();
              return ids;
            });

    for (ClientDealProposal deal : params.deals()) {
      // A verified deal takes its whole size from the client's data cap, or fails the message.
      if (deal.proposal().verifiedDeal()) {
        Address resolvedClient = resolvedAddrs.get(deal.proposal().client());
        Require.param(resolvedClient != null, "could not get resolvedClient client address");
        rt.send(
                Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
                Builtin.MethodsVerifiedRegistry.USE_BYTES,
                new UseBytesParams(resolvedClient, deal.proposal().pieceSizeUnsigned()),
                TokenAmount.ZERO)
            .requireSuccess("failed to add verified deal for client: " + deal.proposal().client());
      }
    }
    return new PublishStorageDealsReturn(newDealIds);
  }

  /** Checks deals for a sector being pre-committed and returns their weights. */
  VerifyDealsForActivationReturn verifyDealsForActivation(
      Runtime rt, VerifyDealsForActivationParams params) {
    rt.validateImmediateCallerType(MINER_CODE);
    Address minerAddr = rt.caller();
    MarketState st = rt.stateReadonly(MarketState::decode);
    return validateDealsForActivation(
        st, rt.store(), params.dealIds(), minerAddr, params.sectorExpiry(), params.sectorStart());
  }

  /** Marks deals as included in a sector being proven. */
  void activateDeals(Runtime rt, ActivateDealsParams params) {
    rt.validateImmediateCallerType(MINER_CODE);
    Address minerAddr = rt.caller();
    long currEpoch = rt.currEpoch();

    rt.stateTransaction(
        MarketState::decode,
        st -> {
          validateDealsForActivation(
              st, rt.store(), params.dealIds(), minerAddr, params.sectorExpiry(), currEpoch);

          MarketStateMutation msm =
              mutator(rt, st)
                  .withDealStates(Permission.WRITE)
                  .withPendingProposals(Permission.READ_ONLY)
                  .withDealProposals(Permission.READ_ONLY)
                  .build();

          for (long dealId : params.dealIds()) {
            if (msm.dealStates.get(dealId) != null) {
              throw ActorException.abortf(
                  ExitCode.ERR_ILLEGAL_ARGUMENT,
                  "deal %s already included in another sector",
                  Long.toUnsignedString(dealId));
            }
            DealProposal proposal = getDealProposal(msm.dealProposals, dealId);
            Cid propc = proposal.cid();
            if (!msm.pendingDeals.has(Keys.cid(propc))) {
              throw ActorException.abortf(
                  ExitCode.ERR_ILLEGAL_STATE,
                  "tried to activate deal that was not in the pending set (%s)",
                  propc);
            }
            msm.dealStates.set(
                dealId,
                new DealState(currEpoch, MarketState.EPOCH_UNDEFINED, MarketState.EPOCH_UNDEFINED));
          }
          msm.commitState();
          return null;
        });
  }

  /** The unsealed sector CID (CommD) of a sector holding the given deals' pieces. */
  Cid computeDataCommitment(Runtime rt, ComputeDataCommitmentParams params) {
    rt.validateImmediateCallerType(MINER_CODE);
    MarketState st = rt.stateReadonly(MarketState::decode);
    DealArray proposals = DealArray.load(rt.store(), st.proposals);

    List<PieceInfo> pieces = new ArrayList<>();
    for (long dealId : params.dealIds()) {
      DealProposal deal = getDealProposal(proposals, dealId);
      pieces.add(new PieceInfo(deal.pieceSize(), deal.pieceCid()));
    }
    try {
      return rt.computeUnsealedSectorCid(params.sectorType(), pieces);
    } catch (SyscallException e) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "failed to compute unsealed sector CID: " + e.getMessage(),
          e);
    }
  }

  /**
   * Marks the active deals of terminated sectors as slashed at the given epoch; cron then pays what
   * is due, returns the client's funds and burns the provider's collateral.
   */
  void onMinerSectorsTerminate(Runtime rt, OnMinerSectorsTerminateParams params) {
    rt.validateImmediateCallerType(MINER_CODE);
    Address minerAddr = rt.caller();

    rt.stateTransaction(
        MarketState::decode,
        st -> {
          MarketStateMutation msm =
              mutator(rt, st)
                  .withDealStates(Permission.WRITE)
                  .withDealProposals(Permission.READ_ONLY)
                  .build();

          for (long dealId : params.dealIds()) {
            DealProposal deal = msm.dealProposals.get(dealId);
            // The deal may have ended, and been deleted, before its sector was terminated.
            if (deal == null) {
              continue;
            }
            Assertions.check(
                deal.provider().equals(minerAddr), "caller is not the provider of the deal");
            // Expired deals are not slashed.
            if (deal.endEpoch() <= params.epoch()) {
              continue;
            }
            DealState state = msm.dealStates.get(dealId);
            if (state == null) {
              throw ActorException.abortf(
                  ExitCode.ERR_ILLEGAL_ARGUMENT,
                  "no state for deal %s",
                  Long.toUnsignedString(dealId));
            }
            if (state.slashEpoch() != MarketState.EPOCH_UNDEFINED) {
              continue; // already slashed
            }
            msm.dealStates.set(dealId, state.withSlashEpoch(params.epoch()));
          }
          msm.commitState();
          return null;
        });
  }

  /**
   * Processes the deals scheduled for each epoch since the last tick: times out unactivated deals,
   * pays providers, expires and slashes deals, and reschedules the rest. Runs every epoch, so even
   * with no deals it loads and flushes all six structures.
   */
  void cronTick(Runtime rt) {
    rt.validateImmediateCallerIs(Builtin.CRON_ACTOR_ADDR);
    List<DealProposal> timedOutVerifiedDeals = new ArrayList<>();

    TokenAmount amountSlashed =
        rt.stateTransaction(
            MarketState::decode,
            st -> {
              TokenAmount[] slashed = {TokenAmount.ZERO};
              // Sorted by epoch, so that the reinsertions below happen in a fixed order (gas).
              Map<Long, List<Long>> updatesNeeded = new TreeMap<>();
              MarketStateMutation msm =
                  mutator(rt, st)
                      .withDealStates(Permission.WRITE)
                      .withLockedTable(Permission.WRITE)
                      .withEscrowTable(Permission.WRITE)
                      .withDealsByEpoch(Permission.WRITE)
                      .withDealProposals(Permission.WRITE)
                      .withPendingProposals(Permission.WRITE)
                      .build();

              long currEpoch = rt.currEpoch();
              for (long i = st.lastCron + 1; i <= currEpoch; i++) {
                msm.dealsByEpoch.forEach(
                    i,
                    dealId ->
                        processDeal(
                            msm, dealId, currEpoch, slashed, timedOutVerifiedDeals, updatesNeeded));
                msm.dealsByEpoch.removeAll(i);
              }

              for (Map.Entry<Long, List<Long>> e : updatesNeeded.entrySet()) {
                msm.dealsByEpoch.putMany(e.getKey(), e.getValue());
              }
              st.lastCron = currEpoch;
              msm.commitState();
              return slashed[0];
            });

    for (DealProposal d : timedOutVerifiedDeals) {
      // A failure here is only logged by Go: the deal is gone either way.
      rt.send(
          Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
          Builtin.MethodsVerifiedRegistry.RESTORE_BYTES,
          new RestoreBytesParams(d.client(), d.pieceSizeUnsigned()),
          TokenAmount.ZERO);
    }

    if (!amountSlashed.isZero()) {
      rt.send(Builtin.BURNT_FUNDS_ACTOR_ADDR, Builtin.METHOD_SEND, null, amountSlashed)
          .requireSuccess("expected send to burnt funds actor to succeed");
    }
  }

  /** One cron visit of one deal. */
  private static void processDeal(
      MarketStateMutation msm,
      long dealId,
      long currEpoch,
      TokenAmount[] amountSlashed,
      List<DealProposal> timedOutVerifiedDeals,
      Map<Long, List<Long>> updatesNeeded) {
    DealProposal deal = getDealProposal(msm.dealProposals, dealId);
    byte[] dcid = Keys.cid(deal.cid());
    DealState state = msm.dealStates.get(dealId);

    if (state == null) {
      // Published but never activated: it has timed out.
      Assertions.check(
          currEpoch >= deal.startEpoch(),
          "if sector start is not set, we must be in a timed out state");
      TokenAmount slashed = msm.processDealInitTimedOut(deal);
      if (!slashed.isZero()) {
        amountSlashed[0] = amountSlashed[0].add(slashed);
      }
      if (deal.verifiedDeal()) {
        timedOutVerifiedDeals.add(deal);
      }
      // There is no deal state to delete.
      msm.dealProposals.delete(dealId);
      deletePending(msm, dcid);
      return;
    }

    // The first tick of an activated deal takes it out of the pending set.
    if (state.lastUpdatedEpoch() == MarketState.EPOCH_UNDEFINED) {
      deletePending(msm, dcid);
    }

    DealUpdate update = msm.updatePendingDealState(state, deal, currEpoch);
    Assertions.check(update.amountSlashed().signum() >= 0, "negative slash amount");

    if (update.removeDeal()) {
      Assertions.check(
          update.nextEpoch() == MarketState.EPOCH_UNDEFINED,
          "next scheduled epoch should be undefined as deal has been removed");
      amountSlashed[0] = amountSlashed[0].add(update.amountSlashed());
      msm.dealProposals.delete(dealId);
      msm.dealStates.delete(dealId);
    } else {
      Assertions.check(
          update.nextEpoch() > currEpoch && update.amountSlashed().isZero(),
          "deal should not be slashed and should have a schedule for next cron tick as it has"
              + " not been removed");
      msm.dealStates.set(dealId, state.withLastUpdatedEpoch(currEpoch));
      updatesNeeded.computeIfAbsent(update.nextEpoch(), k -> new ArrayList<>()).add(dealId);
    }
  }

  private static void deletePending(MarketStateMutation msm, byte[] dcid) {
    if (!msm.pendingDeals.delete(dcid)) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_STATE, "failed to delete pending proposal: not found");
    }
  }

  // --- Exported checks ---

  /**
   * ValidateDealsForActivation: every deal exists, is the miner's, has not started and ends by the
   * sector's expiry; returns the unverified and verified space-time and the total size.
   */
  public static VerifyDealsForActivationReturn validateDealsForActivation(
      MarketState st,
      IpldStore store,
      List<Long> dealIds,
      Address minerAddr,
      long sectorExpiry,
      long currEpoch) {
    DealArray proposals = DealArray.load(store, st.proposals);

    Set<Long> seen = new HashSet<>();
    long totalDealSpace = 0;
    BigInteger totalDealSpaceTime = BigInteger.ZERO;
    BigInteger totalVerifiedSpaceTime = BigInteger.ZERO;
    for (long dealId : dealIds) {
      if (!seen.add(dealId)) {
        throw ActorException.abortf(
            ExitCode.ERR_ILLEGAL_ARGUMENT,
            "deal ID %s present multiple times",
            Long.toUnsignedString(dealId));
      }
      DealProposal proposal = proposals.get(dealId);
      if (proposal == null) {
        throw ActorException.abortf(
            ExitCode.ERR_NOT_FOUND, "no such deal %s", Long.toUnsignedString(dealId));
      }
      validateDealCanActivate(proposal, minerAddr, sectorExpiry, currEpoch);

      totalDealSpace += proposal.pieceSize();
      BigInteger dealSpaceTime = MarketPolicy.dealWeight(proposal);
      if (proposal.verifiedDeal()) {
        totalVerifiedSpaceTime = totalVerifiedSpaceTime.add(dealSpaceTime);
      } else {
        totalDealSpaceTime = totalDealSpaceTime.add(dealSpaceTime);
      }
    }
    return new VerifyDealsForActivationReturn(
        totalDealSpaceTime, totalVerifiedSpaceTime, totalDealSpace);
  }

  private static void validateDealCanActivate(
      DealProposal proposal, Address minerAddr, long sectorExpiration, long currEpoch) {
    if (!proposal.provider().equals(minerAddr)) {
      throw ActorException.abortf(
          ExitCode.ERR_FORBIDDEN,
          "proposal has provider %s, must be %s",
          proposal.provider(),
          minerAddr);
    }
    if (currEpoch > proposal.startEpoch()) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "proposal start epoch %d has already elapsed at %d",
          proposal.startEpoch(),
          currEpoch);
    }
    if (proposal.endEpoch() > sectorExpiration) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "proposal expiration %d exceeds sector expiration %d",
          proposal.endEpoch(),
          sectorExpiration);
    }
  }

  private static void validateDeal(
      Runtime rt,
      ClientDealProposal deal,
      BigInteger networkRawPower,
      BigInteger networkQaPower,
      BigInteger baselinePower) {
    DealProposal proposal = deal.proposal();
    // The provider's signature is implied by the message; only the client's is checked.
    try {
      rt.verifySignature(deal.clientSignature(), proposal.client(), proposal.toCbor());
    } catch (SyscallException e) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "Invalid deal proposal: signature proposal invalid: " + e.getMessage(),
          e);
    }
    int labelLength = proposal.labelLength();
    if (labelLength > MarketPolicy.DEAL_MAX_LABEL_SIZE) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "deal label can be at most %d bytes, is %d",
          MarketPolicy.DEAL_MAX_LABEL_SIZE,
          labelLength);
    }
    Require.param(
        MarketPolicy.isValidPieceSize(proposal.pieceSize()), "proposal piece size is invalid");
    Require.param(
        MarketPolicy.hasPieceCidPrefix(proposal.pieceCid()), "proposal PieceCID had wrong prefix");
    Require.param(
        proposal.endEpoch() > proposal.startEpoch(), "proposal end before proposal start");
    Require.param(rt.currEpoch() <= proposal.startEpoch(), "Deal start epoch has already elapsed.");

    MarketPolicy.Bounds<Long> duration = MarketPolicy.dealDurationBounds(proposal.pieceSize());
    Require.param(
        proposal.duration() >= duration.min() && proposal.duration() <= duration.max(),
        "Deal duration out of bounds.");

    MarketPolicy.Bounds<TokenAmount> price =
        MarketPolicy.dealPricePerEpochBounds(proposal.pieceSize(), proposal.duration());
    Require.param(within(proposal.storagePricePerEpoch(), price), "Storage price out of bounds.");

    MarketPolicy.Bounds<TokenAmount> providerCollateral =
        MarketPolicy.dealProviderCollateralBounds(
            proposal.pieceSize(),
            proposal.verifiedDeal(),
            networkRawPower,
            networkQaPower,
            baselinePower,
            rt.totalFilCircSupply());
    Require.param(
        within(proposal.providerCollateral(), providerCollateral),
        "Provider collateral out of bounds.");

    MarketPolicy.Bounds<TokenAmount> clientCollateral =
        MarketPolicy.dealClientCollateralBounds(proposal.pieceSize(), proposal.duration());
    Require.param(
        within(proposal.clientCollateral(), clientCollateral), "Client collateral out of bounds.");
  }

  private static boolean within(TokenAmount v, MarketPolicy.Bounds<TokenAmount> b) {
    return v.compareTo(b.min()) >= 0 && v.compareTo(b.max()) <= 0;
  }

  // --- Helpers ---

  /** The address a balance is held under, where withdrawals go, and who may withdraw. */
  private record EscrowAddress(Address nominal, Address recipient, List<Address> approvedCallers) {}

  private static EscrowAddress escrowAddress(Runtime rt, Address address) {
    Address nominal =
        rt.resolveAddress(address)
            .orElseThrow(
                () ->
                    ActorException.abortf(
                        ExitCode.ERR_ILLEGAL_ARGUMENT, "failed to resolve address %s", address));
    Cid codeId =
        rt.getActorCodeCid(nominal)
            .orElseThrow(
                () ->
                    ActorException.abortf(
                        ExitCode.ERR_ILLEGAL_ARGUMENT, "no code for address %s", nominal));
    if (codeId.equals(MINER_CODE)) {
      // A miner's funds go to its owner, at the request of its owner or worker.
      MinerAddrs addrs = requestMinerControlAddrs(rt, nominal);
      return new EscrowAddress(nominal, addrs.owner(), List.of(addrs.owner(), addrs.worker()));
    }
    return new EscrowAddress(nominal, nominal, List.of(nominal));
  }

  private static MarketStateMutation mutator(Runtime rt, MarketState st) {
    return new MarketStateMutation(st, rt.store());
  }

  private static DealProposal getDealProposal(DealArray proposals, long dealId) {
    DealProposal proposal = proposals.get(dealId);
    if (proposal == null) {
      throw ActorException.abortf(
          ExitCode.ERR_NOT_FOUND, "no such deal %s", Long.toUnsignedString(dealId));
    }
    return proposal;
  }

  /** A start epoch plus a random offset below DealUpdatesInterval, from the beacon. */
  private static long genRandNextEpoch(Runtime rt, DealProposal proposal) {
    byte[] rb =
        rt.getRandomnessFromBeacon(
            DomainSeparationTag.MARKET_DEAL_CRON_SEED, rt.currEpoch() - 1, proposal.toCbor());
    long offset = 0;
    for (int i = 0; i < 8; i++) {
      offset = (offset << 8) | (rb[i] & 0xFF);
    }
    return proposal.startEpoch()
        + Long.remainderUnsigned(offset, MarketPolicy.DEAL_UPDATES_INTERVAL);
  }

  private static MinerAddrs requestMinerControlAddrs(Runtime rt, Address miner) {
    return rt.send(miner, Builtin.MethodsMiner.CONTROL_ADDRESSES, null, TokenAmount.ZERO)
        .requireSuccess("failed fetching control addresses")
        .decodeReturn(MinerAddrs::decode);
  }

  private static BigInteger requestCurrentBaselinePower(Runtime rt) {
    return rt.send(
            Builtin.REWARD_ACTOR_ADDR,
            Builtin.MethodsReward.THIS_EPOCH_REWARD,
            null,
            TokenAmount.ZERO)
        .requireSuccess("failed to check epoch baseline power")
        .decodeReturn(ThisEpochRewardReturn::decode)
        .thisEpochBaselinePower();
  }

  private static CurrentTotalPowerReturn requestCurrentNetworkPower(Runtime rt) {
    return rt.send(
            Builtin.STORAGE_POWER_ACTOR_ADDR,
            Builtin.MethodsPower.CURRENT_TOTAL_POWER,
            null,
            TokenAmount.ZERO)
        .requireSuccess("failed to check current power")
        .decodeReturn(CurrentTotalPowerReturn::decode);
  }
}
