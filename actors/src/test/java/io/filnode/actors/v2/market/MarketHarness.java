package io.filnode.actors.v2.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMarket;
import io.filnode.actors.builtin.MinerAddrs;
import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.BalanceTable;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.actors.v2.power.CurrentTotalPowerReturn;
import io.filnode.actors.v2.reward.ThisEpochRewardReturn;
import io.filnode.actors.v2.verifreg.UseBytesParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The market actor under a {@link MockRuntime}, with the helpers of specs-actors v2's
 * market_test.go {@code marketActorTestHarness}: fund, publish, activate, terminate, tick.
 */
final class MarketHarness {
  static final Cid ACCOUNT = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  static final Cid MULTISIG = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);
  static final Cid MINER = BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2);
  static final Cid INIT = BuiltinActors.codeCid(ActorKind.INIT, 2);
  static final Cid CRON = BuiltinActors.codeCid(ActorKind.CRON, 2);
  static final Cid POWER = BuiltinActors.codeCid(ActorKind.STORAGE_POWER, 2);

  static final Address OWNER = Address.newId(101);
  static final Address PROVIDER = Address.newId(102);
  static final Address WORKER = Address.newId(103);
  static final Address CLIENT = Address.newId(104);

  static final long EPOCHS_IN_DAY = 2880;

  /** The network power and baseline the tests use: 2^50. */
  static final BigInteger NETWORK_POWER = BigInteger.ONE.shiftLeft(50);

  static final Signature SIG =
      new Signature(SignatureType.BLS, "does not matter".getBytes(StandardCharsets.US_ASCII));

  /** A miner's owner, worker and actor address. */
  record Miner(Address owner, Address worker, Address provider) {}

  static final Miner MINER_ADDRS = new Miner(OWNER, WORKER, PROVIDER);

  final MockRuntime rt;
  final MarketActor actor = new MarketActor();

  private MarketHarness(MockRuntime rt) {
    this.rt = rt;
  }

  /** basicMarketSetup: a constructed market with 10 FIL, the parties' actor types known. */
  static MarketHarness basicSetup(Address owner, Address provider, Address worker, Address client) {
    MockRuntime rt =
        new MockRuntime(Builtin.STORAGE_MARKET_ACTOR_ADDR)
            .setCaller(Builtin.SYSTEM_ACTOR_ADDR, INIT)
            .setBalance(TokenAmount.ofFil(10))
            .setAddressActorType(owner, ACCOUNT)
            .setAddressActorType(worker, ACCOUNT)
            .setAddressActorType(provider, MINER)
            .setAddressActorType(client, ACCOUNT);
    MarketHarness h = new MarketHarness(rt);
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(rt.call(h.actor, MethodsMarket.CONSTRUCTOR, null)).isEmpty();
    rt.verify();
    return h;
  }

  static MarketHarness basicSetup() {
    return basicSetup(OWNER, PROVIDER, WORKER, CLIENT);
  }

  // --- deals ---

  static Cid pieceCid(String seed) {
    byte[] digest = Multihash.sha256(seed.getBytes(StandardCharsets.UTF_8));
    digest[31] &= 0x3F; // trunc254
    return Cid.v1(Cid.FIL_COMMITMENT_UNSEALED, Multihash.SHA2_256_TRUNC254_PADDED, digest);
  }

  static DealProposal generateDealProposalWithCollateral(
      Address client,
      Address provider,
      TokenAmount providerCollateral,
      TokenAmount clientCollateral,
      long startEpoch,
      long endEpoch) {
    return new DealProposal(
        pieceCid("1"),
        2048,
        false,
        client,
        provider,
        "label",
        startEpoch,
        endEpoch,
        TokenAmount.ofAtto(10),
        providerCollateral,
        clientCollateral);
  }

  static DealProposal generateDealProposal(
      Address client, Address provider, long startEpoch, long endEpoch) {
    return generateDealProposalWithCollateral(
        client, provider, TokenAmount.ofAtto(10), TokenAmount.ofAtto(10), startEpoch, endEpoch);
  }

  static DealProposal withVerified(DealProposal d) {
    return new DealProposal(
        d.pieceCid(),
        d.pieceSize(),
        true,
        d.client(),
        d.provider(),
        d.label(),
        d.startEpoch(),
        d.endEpoch(),
        d.storagePricePerEpoch(),
        d.providerCollateral(),
        d.clientCollateral());
  }

  static PublishStorageDealsParams publishParams(DealProposal... proposals) {
    List<ClientDealProposal> deals = new ArrayList<>();
    for (DealProposal p : proposals) {
      deals.add(new ClientDealProposal(p, SIG));
    }
    return new PublishStorageDealsParams(deals);
  }

  // --- funds ---

  void addProviderFunds(TokenAmount amount, Miner miner) {
    rt.setReceived(amount);
    rt.setAddressActorType(miner.provider(), MINER);
    rt.setCaller(miner.owner(), ACCOUNT);
    rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    expectProviderControlAddresses(miner.provider(), miner.owner(), miner.worker());
    rt.call(actor, MethodsMarket.ADD_BALANCE, miner.provider()::encode);
    rt.verify();
    rt.setBalance(rt.balance().add(amount));
  }

  void addParticipantFunds(Address addr, TokenAmount amount) {
    rt.setReceived(amount);
    rt.setCaller(addr, ACCOUNT);
    rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    rt.call(actor, MethodsMarket.ADD_BALANCE, addr::encode);
    rt.verify();
    rt.setBalance(rt.balance().add(amount));
  }

  void expectProviderControlAddresses(Address provider, Address owner, Address worker) {
    rt.expectSend(
        provider,
        Builtin.MethodsMiner.CONTROL_ADDRESSES,
        null,
        TokenAmount.ZERO,
        new MinerAddrs(owner, worker, List.of()),
        ExitCode.OK);
  }

  void withdrawProviderBalance(TokenAmount amount, TokenAmount expectedSend, Miner miner) {
    rt.setCaller(miner.worker(), ACCOUNT);
    rt.expectValidateCallerAddr(miner.owner(), miner.worker());
    expectProviderControlAddresses(miner.provider(), miner.owner(), miner.worker());
    rt.expectSend(miner.owner(), Builtin.METHOD_SEND, null, expectedSend, null, ExitCode.OK);
    rt.call(
        actor, MethodsMarket.WITHDRAW_BALANCE, new WithdrawBalanceParams(miner.provider(), amount));
    rt.verify();
  }

  void withdrawClientBalance(Address client, TokenAmount amount, TokenAmount expectedSend) {
    rt.setCaller(client, ACCOUNT);
    rt.expectSend(client, Builtin.METHOD_SEND, null, expectedSend, null, ExitCode.OK);
    rt.expectValidateCallerAddr(client);
    rt.call(actor, MethodsMarket.WITHDRAW_BALANCE, new WithdrawBalanceParams(client, amount));
    rt.verify();
  }

  DealProposal generateDealAndAddFunds(Address client, Miner miner, long start, long end) {
    DealProposal deal = generateDealProposal(client, miner.provider(), start, end);
    addProviderFunds(deal.providerCollateral(), miner);
    addParticipantFunds(client, deal.clientBalanceRequirement());
    return deal;
  }

  // --- publish, activate, terminate, cron ---

  void expectQueryNetworkInfo() {
    FilterEstimate zero = FilterEstimate.of(BigInteger.ZERO, BigInteger.ZERO);
    rt.expectSend(
        Builtin.REWARD_ACTOR_ADDR,
        Builtin.MethodsReward.THIS_EPOCH_REWARD,
        null,
        TokenAmount.ZERO,
        new ThisEpochRewardReturn(zero, NETWORK_POWER),
        ExitCode.OK);
    rt.expectSend(
        Builtin.STORAGE_POWER_ACTOR_ADDR,
        Builtin.MethodsPower.CURRENT_TOTAL_POWER,
        null,
        TokenAmount.ZERO,
        new CurrentTotalPowerReturn(BigInteger.ZERO, NETWORK_POWER, TokenAmount.ZERO, zero),
        ExitCode.OK);
  }

  /** The beacon answer that makes {@code deal} first processed at {@code processEpoch}. */
  void expectGetRandom(DealProposal deal, long processEpoch) {
    byte[] out = ByteBuffer.allocate(8).putLong(processEpoch - deal.startEpoch()).array();
    rt.expectGetRandomnessBeacon(
        DomainSeparationTag.MARKET_DEAL_CRON_SEED, rt.epoch() - 1, deal.toCbor(), out);
  }

  /** A deal to publish and the epoch its first cron processing must land on. */
  record PublishReq(DealProposal deal, long processEpoch) {}

  List<Long> publishDeals(Miner miner, PublishReq... reqs) {
    for (PublishReq r : reqs) {
      expectGetRandom(r.deal(), r.processEpoch());
    }
    rt.setCaller(miner.worker(), ACCOUNT);
    rt.expectValidateCallerType(ACCOUNT, MULTISIG);
    expectProviderControlAddresses(miner.provider(), miner.owner(), miner.worker());
    expectQueryNetworkInfo();
    List<DealProposal> proposals = new ArrayList<>();
    for (PublishReq r : reqs) {
      proposals.add(r.deal());
      rt.expectVerifySignature(SIG, r.deal().client(), r.deal().toCbor(), true);
    }
    for (PublishReq r : reqs) {
      if (r.deal().verifiedDeal()) {
        rt.expectSend(
            Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
            Builtin.MethodsVerifiedRegistry.USE_BYTES,
            new UseBytesParams(r.deal().client(), r.deal().pieceSizeUnsigned()),
            TokenAmount.ZERO,
            null,
            ExitCode.OK);
      }
    }
    PublishStorageDealsReturn ret =
        rt.call(
            actor,
            MethodsMarket.PUBLISH_STORAGE_DEALS,
            publishParams(proposals.toArray(new DealProposal[0])),
            PublishStorageDealsReturn::decode);
    rt.verify();
    assertThat(ret.ids()).hasSize(reqs.length);
    for (int i = 0; i < reqs.length; i++) {
      assertThat(getDealProposal(ret.ids().get(i))).isEqualTo(reqs[i].deal());
    }
    return ret.ids();
  }

  long generateAndPublishDeal(Address client, Miner miner, long start, long end, long process) {
    DealProposal deal = generateDealAndAddFunds(client, miner, start, end);
    return publishDeals(miner, new PublishReq(deal, process)).get(0);
  }

  void activateDeals(long sectorExpiry, Address provider, long currentEpoch, Long... dealIds) {
    rt.setCaller(provider, MINER);
    rt.expectValidateCallerType(MINER);
    assertThat(
            rt.call(
                actor,
                MethodsMarket.ACTIVATE_DEALS,
                new ActivateDealsParams(List.of(dealIds), sectorExpiry)))
        .isEmpty();
    rt.verify();
    for (long id : dealIds) {
      assertThat(getDealState(id).sectorStartEpoch()).isEqualTo(currentEpoch);
    }
  }

  long publishAndActivateDeal(
      Address client,
      Miner miner,
      long start,
      long end,
      long currentEpoch,
      long sectorExpiry,
      long processEpoch) {
    long id = generateAndPublishDeal(client, miner, start, end, processEpoch);
    activateDeals(sectorExpiry, miner.provider(), currentEpoch, id);
    return id;
  }

  void terminateDeals(Address minerAddr, Long... dealIds) {
    rt.setCaller(minerAddr, MINER);
    rt.expectValidateCallerType(MINER);
    rt.call(
        actor,
        MethodsMarket.ON_MINER_SECTORS_TERMINATE,
        new OnMinerSectorsTerminateParams(rt.epoch(), List.of(dealIds)));
    rt.verify();
  }

  void cronTick() {
    rt.expectValidateCallerAddr(Builtin.CRON_ACTOR_ADDR);
    rt.setCaller(Builtin.CRON_ACTOR_ADDR, CRON);
    assertThat(rt.call(actor, MethodsMarket.CRON_TICK, null)).isEmpty();
    rt.verify();
  }

  /**
   * A tick that changes neither the schedule nor the balances of {@code client}/{@code provider}.
   */
  void cronTickNoChange(Address client, Address provider) {
    Cid epochCid = state().dealOpsByEpoch();
    TokenAmount cLocked = getLockedBalance(client);
    TokenAmount cEscrow = getEscrowBalance(client);
    TokenAmount pLocked = getLockedBalance(provider);
    TokenAmount pEscrow = getEscrowBalance(provider);
    cronTick();
    assertThat(state().dealOpsByEpoch()).isEqualTo(epochCid);
    assertThat(getLockedBalance(client)).isEqualTo(cLocked);
    assertThat(getEscrowBalance(client)).isEqualTo(cEscrow);
    assertThat(getLockedBalance(provider)).isEqualTo(pLocked);
    assertThat(getEscrowBalance(provider)).isEqualTo(pEscrow);
  }

  /** What a tick paid for the deal and slashed from it. */
  record Settlement(TokenAmount payment, TokenAmount slashed) {}

  /**
   * cronTickAndAssertBalances: ticks and checks the client's and provider's balances against the
   * payment and slashing the deal's state implies.
   */
  Settlement cronTickAndAssertBalances(
      Address client, Address provider, long currentEpoch, long dealId) {
    TokenAmount cLocked = getLockedBalance(client);
    TokenAmount cEscrow = getEscrowBalance(client);
    TokenAmount pLocked = getLockedBalance(provider);
    TokenAmount pEscrow = getEscrowBalance(provider);
    TokenAmount slashed = TokenAmount.ZERO;

    DealState s = getDealState(dealId);
    DealProposal d = getDealProposal(dealId);

    long paymentEnd = d.endEpoch();
    if (s.slashEpoch() != -1) {
      rt.expectSend(
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          Builtin.METHOD_SEND,
          null,
          d.providerCollateral(),
          null,
          ExitCode.OK);
      slashed = d.providerCollateral();
      paymentEnd = Math.max(s.slashEpoch(), d.startEpoch());
    } else if (currentEpoch < paymentEnd) {
      paymentEnd = currentEpoch;
    }
    long paymentStart = s.lastUpdatedEpoch() != -1 ? s.lastUpdatedEpoch() : d.startEpoch();
    TokenAmount payment = d.storagePricePerEpoch().multiply(paymentEnd - paymentStart);

    TokenAmount clientEscrow = cEscrow.subtract(payment);
    TokenAmount providerEscrow = pEscrow.add(payment).subtract(slashed);
    TokenAmount clientLocked = cLocked.subtract(payment);
    TokenAmount providerLocked = pLocked;
    if (paymentEnd == d.endEpoch() || s.slashEpoch() != -1) {
      clientLocked = TokenAmount.ZERO;
      providerLocked = TokenAmount.ZERO;
    }

    cronTick();

    assertThat(getEscrowBalance(client)).isEqualTo(clientEscrow);
    assertThat(getLockedBalance(client)).isEqualTo(clientLocked);
    assertThat(getLockedBalance(provider)).isEqualTo(providerLocked);
    assertThat(getEscrowBalance(provider)).isEqualTo(providerEscrow);
    return new Settlement(payment, slashed);
  }

  // --- state inspection ---

  MarketState state() {
    return rt.getState(MarketState::decode);
  }

  DealProposal getDealProposal(long dealId) {
    DealProposal d = DealArray.load(rt.store(), state().proposals()).get(dealId);
    assertThat(d).as("proposal %d", dealId).isNotNull();
    return d;
  }

  /** The deal's state; fails when it has none. */
  DealState getDealState(long dealId) {
    DealState s = findDealState(dealId);
    assertThat(s).as("state of deal %d", dealId).isNotNull();
    return s;
  }

  DealState findDealState(long dealId) {
    return DealMetaArray.load(rt.store(), state().states()).get(dealId);
  }

  TokenAmount getEscrowBalance(Address addr) {
    return BalanceTable.load(rt.store(), state().escrowTable(), MarketStateMutation.HAMT).get(addr);
  }

  TokenAmount getLockedBalance(Address addr) {
    return BalanceTable.load(rt.store(), state().lockedTable(), MarketStateMutation.HAMT).get(addr);
  }

  void assertAccountZero(Address addr) {
    assertThat(getEscrowBalance(addr)).isEqualTo(TokenAmount.ZERO);
    assertThat(getLockedBalance(addr)).isEqualTo(TokenAmount.ZERO);
  }

  void assertLockedFundStates(
      TokenAmount storageFee, TokenAmount providerCollateral, TokenAmount clientCollateral) {
    MarketState st = state();
    assertThat(st.totalClientLockedCollateral()).isEqualTo(clientCollateral);
    assertThat(st.totalProviderLockedCollateral()).isEqualTo(providerCollateral);
    assertThat(st.totalClientStorageFee()).isEqualTo(storageFee);
  }

  boolean isPending(DealProposal p) {
    return AdtMap.load(rt.store(), state().pendingProposals(), MarketStateMutation.HAMT)
        .has(Keys.cid(p.cid()));
  }

  void assertDealDeleted(long dealId, DealProposal p) {
    assertThat(DealArray.load(rt.store(), state().proposals()).get(dealId)).isNull();
    assertThat(findDealState(dealId)).isNull();
    assertThat(isPending(p)).isFalse();
  }

  void assertDealsTerminated(long epoch, Long... dealIds) {
    for (long id : dealIds) {
      assertThat(getDealState(id).slashEpoch()).isEqualTo(epoch);
    }
  }

  void assertDealsNotTerminated(Long... dealIds) {
    for (long id : dealIds) {
      assertThat(getDealState(id).slashEpoch()).isEqualTo(-1);
    }
  }

  /** Rewrites a deal's LastUpdatedEpoch (breaking invariants, as the Go test does). */
  void updateLastUpdated(long dealId, long newLastUpdated) {
    MarketState st = state();
    DealMetaArray states = DealMetaArray.load(rt.store(), st.states());
    states.set(dealId, states.get(dealId).withLastUpdatedEpoch(newLastUpdated));
    st.states = states.root();
    rt.replaceState(st);
  }

  void deleteDealProposal(long dealId) {
    MarketState st = state();
    DealArray proposals = DealArray.load(rt.store(), st.proposals());
    proposals.delete(dealId);
    st.proposals = proposals.root();
    rt.replaceState(st);
  }

  VerifyDealsForActivationReturn verifyDealsForActivation(
      Address provider, long sectorStart, long sectorExpiry, Long... dealIds) {
    rt.expectValidateCallerType(MINER);
    rt.setCaller(provider, MINER);
    VerifyDealsForActivationReturn ret =
        rt.call(
            actor,
            MethodsMarket.VERIFY_DEALS_FOR_ACTIVATION,
            new VerifyDealsForActivationParams(List.of(dealIds), sectorExpiry, sectorStart),
            VerifyDealsForActivationReturn::decode);
    rt.verify();
    return ret;
  }
}
