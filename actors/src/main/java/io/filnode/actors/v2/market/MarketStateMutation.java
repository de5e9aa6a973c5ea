package io.filnode.actors.v2.market;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.BalanceTable;
import io.filnode.actors.util.adt.SetMultimap;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.hamt.HamtOptions;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;

/**
 * specs-actors v2 {@code marketStateMutation}: loads the state structures a method asks for, in a
 * fixed order, and flushes the writable ones back in the same order. The loads and flushes are gas,
 * so a method asks for exactly what Go's asks for, even when it leaves some unused.
 */
final class MarketStateMutation {
  /** What a method may do with one structure. */
  enum Permission {
    INVALID,
    READ_ONLY,
    WRITE
  }

  /** Why an amount is locked, for the running totals. */
  enum LockReason {
    CLIENT_COLLATERAL,
    CLIENT_STORAGE_FEE,
    PROVIDER_COLLATERAL
  }

  static final HamtOptions HAMT = BuiltinActors.hamtOptions(2);

  private final MarketState st;
  private final IpldStore store;

  private Permission proposalPermit = Permission.INVALID;
  private Permission statePermit = Permission.INVALID;
  private Permission escrowPermit = Permission.INVALID;
  private Permission pendingPermit = Permission.INVALID;
  private Permission dpePermit = Permission.INVALID;
  private Permission lockedPermit = Permission.INVALID;

  DealArray dealProposals;
  DealMetaArray dealStates;
  BalanceTable escrowTable;
  AdtMap pendingDeals;
  SetMultimap dealsByEpoch;
  BalanceTable lockedTable;
  TokenAmount totalClientLockedCollateral;
  TokenAmount totalProviderLockedCollateral;
  TokenAmount totalClientStorageFee;
  long nextDealId;

  MarketStateMutation(MarketState st, IpldStore store) {
    this.st = st;
    this.store = store;
  }

  MarketStateMutation withDealProposals(Permission p) {
    proposalPermit = p;
    return this;
  }

  MarketStateMutation withDealStates(Permission p) {
    statePermit = p;
    return this;
  }

  MarketStateMutation withEscrowTable(Permission p) {
    escrowPermit = p;
    return this;
  }

  MarketStateMutation withLockedTable(Permission p) {
    lockedPermit = p;
    return this;
  }

  MarketStateMutation withPendingProposals(Permission p) {
    pendingPermit = p;
    return this;
  }

  MarketStateMutation withDealsByEpoch(Permission p) {
    dpePermit = p;
    return this;
  }

  /** Loads: proposals, states, locked table, escrow table, pending proposals, deals by epoch. */
  MarketStateMutation build() {
    if (proposalPermit != Permission.INVALID) {
      dealProposals = DealArray.load(store, st.proposals);
    }
    if (statePermit != Permission.INVALID) {
      dealStates = DealMetaArray.load(store, st.states);
    }
    if (lockedPermit != Permission.INVALID) {
      lockedTable = BalanceTable.load(store, st.lockedTable, HAMT);
      totalClientLockedCollateral = st.totalClientLockedCollateral;
      totalClientStorageFee = st.totalClientStorageFee;
      totalProviderLockedCollateral = st.totalProviderLockedCollateral;
    }
    if (escrowPermit != Permission.INVALID) {
      escrowTable = BalanceTable.load(store, st.escrowTable, HAMT);
    }
    if (pendingPermit != Permission.INVALID) {
      pendingDeals = AdtMap.load(store, st.pendingProposals, HAMT);
    }
    if (dpePermit != Permission.INVALID) {
      dealsByEpoch = SetMultimap.load(store, st.dealOpsByEpoch, HAMT);
    }
    nextDealId = st.nextId;
    return this;
  }

  /** Flushes the writable structures into the state, in the order {@link #build} loads them. */
  void commitState() {
    if (proposalPermit == Permission.WRITE) {
      st.proposals = dealProposals.root();
    }
    if (statePermit == Permission.WRITE) {
      st.states = dealStates.root();
    }
    if (lockedPermit == Permission.WRITE) {
      st.lockedTable = lockedTable.root();
      st.totalClientLockedCollateral = totalClientLockedCollateral;
      st.totalProviderLockedCollateral = totalProviderLockedCollateral;
      st.totalClientStorageFee = totalClientStorageFee;
    }
    if (escrowPermit == Permission.WRITE) {
      st.escrowTable = escrowTable.root();
    }
    if (pendingPermit == Permission.WRITE) {
      st.pendingProposals = pendingDeals.flush();
    }
    if (dpePermit == Permission.WRITE) {
      st.dealOpsByEpoch = dealsByEpoch.root();
    }
    st.nextId = nextDealId;
  }

  long generateStorageDealId() {
    return nextDealId++;
  }

  // --- Balances (market_balances.go) ---

  /** Locks the client's fee and collateral and the provider's collateral for a new deal. */
  void lockClientAndProviderBalances(DealProposal proposal) {
    maybeLockBalance(proposal.client(), proposal.clientBalanceRequirement());
    maybeLockBalance(proposal.provider(), proposal.providerCollateral());
    totalClientLockedCollateral = totalClientLockedCollateral.add(proposal.clientCollateral());
    totalClientStorageFee = totalClientStorageFee.add(proposal.totalStorageFee());
    totalProviderLockedCollateral =
        totalProviderLockedCollateral.add(proposal.providerCollateral());
  }

  void unlockBalance(Address addr, TokenAmount amount, LockReason reason) {
    Assertions.check(amount.signum() >= 0, "unlock of a negative amount");
    lockedTable.mustSubtract(addr, amount);
    switch (reason) {
      case CLIENT_COLLATERAL ->
          totalClientLockedCollateral = totalClientLockedCollateral.subtract(amount);
      case CLIENT_STORAGE_FEE -> totalClientStorageFee = totalClientStorageFee.subtract(amount);
      case PROVIDER_COLLATERAL ->
          totalProviderLockedCollateral = totalProviderLockedCollateral.subtract(amount);
    }
  }

  /** Moves funds from the client's locked escrow to the provider's available escrow. */
  void transferBalance(Address from, Address to, TokenAmount amount) {
    Assertions.check(amount.signum() >= 0, "transfer of a negative amount");
    escrowTable.mustSubtract(from, amount);
    unlockBalance(from, amount, LockReason.CLIENT_STORAGE_FEE);
    escrowTable.add(to, amount);
  }

  void slashBalance(Address addr, TokenAmount amount, LockReason reason) {
    Assertions.check(amount.signum() >= 0, "slash of a negative amount");
    escrowTable.mustSubtract(addr, amount);
    unlockBalance(addr, amount, reason);
  }

  private void maybeLockBalance(Address addr, TokenAmount amount) {
    Assertions.check(amount.signum() >= 0, "lock of a negative amount");
    TokenAmount prevLocked = lockedTable.get(addr);
    TokenAmount escrowBalance = escrowTable.get(addr);
    if (prevLocked.add(amount).compareTo(escrowBalance) > 0) {
      throw ActorException.abortf(
          ExitCode.ERR_INSUFFICIENT_FUNDS,
          "not enough balance to lock for addr %s: escrow balance %s < locked %s + required %s",
          addr,
          escrowBalance.toAttoString(),
          prevLocked.toAttoString(),
          amount.toAttoString());
    }
    lockedTable.add(addr, amount);
  }

  // --- Deal processing (market_state.go) ---

  /** What one cron visit of a deal decided. */
  record DealUpdate(TokenAmount amountSlashed, long nextEpoch, boolean removeDeal) {}

  /** Pays for the epochs elapsed since the last update and settles a slashed or expired deal. */
  DealUpdate updatePendingDealState(DealState state, DealProposal deal, long epoch) {
    boolean everUpdated = state.lastUpdatedEpoch() != MarketState.EPOCH_UNDEFINED;
    boolean everSlashed = state.slashEpoch() != MarketState.EPOCH_UNDEFINED;

    Assertions.check(
        !everUpdated || state.lastUpdatedEpoch() <= epoch, "deal updated in the future");

    if (deal.startEpoch() > epoch) {
      return new DealUpdate(TokenAmount.ZERO, MarketState.EPOCH_UNDEFINED, false);
    }

    long paymentEndEpoch = deal.endEpoch();
    if (everSlashed) {
      Assertions.check(epoch >= state.slashEpoch(), "current epoch less than slash epoch");
      Assertions.check(state.slashEpoch() <= deal.endEpoch(), "slash epoch after deal end");
      paymentEndEpoch = state.slashEpoch();
    } else if (epoch < paymentEndEpoch) {
      paymentEndEpoch = epoch;
    }

    long paymentStartEpoch = deal.startEpoch();
    if (everUpdated && state.lastUpdatedEpoch() > paymentStartEpoch) {
      paymentStartEpoch = state.lastUpdatedEpoch();
    }

    long numEpochsElapsed = paymentEndEpoch - paymentStartEpoch;
    TokenAmount totalPayment = deal.storagePricePerEpoch().multiply(numEpochsElapsed);
    // Zero or less when a deal is slashed at or before its start.
    if (totalPayment.signum() > 0) {
      transferBalance(deal.client(), deal.provider(), totalPayment);
    }

    if (everSlashed) {
      TokenAmount paymentRemaining = dealGetPaymentRemaining(deal, state.slashEpoch());
      unlockBalance(deal.client(), paymentRemaining, LockReason.CLIENT_STORAGE_FEE);
      unlockBalance(deal.client(), deal.clientCollateral(), LockReason.CLIENT_COLLATERAL);
      TokenAmount slashed = deal.providerCollateral();
      slashBalance(deal.provider(), slashed, LockReason.PROVIDER_COLLATERAL);
      return new DealUpdate(slashed, MarketState.EPOCH_UNDEFINED, true);
    }

    if (epoch >= deal.endEpoch()) {
      processDealExpired(deal, state);
      return new DealUpdate(TokenAmount.ZERO, MarketState.EPOCH_UNDEFINED, true);
    }

    // The end epoch is deliberately not used to schedule: expiry may be processed late, so that
    // many deals ending together cannot load one tick.
    return new DealUpdate(TokenAmount.ZERO, epoch + MarketPolicy.DEAL_UPDATES_INTERVAL, false);
  }

  /**
   * A deal not activated by its start epoch: unlock the client's funds, slash the provider's
   * collateral penalty and unlock the rest. Returns the amount slashed.
   */
  TokenAmount processDealInitTimedOut(DealProposal deal) {
    unlockBalance(deal.client(), deal.totalStorageFee(), LockReason.CLIENT_STORAGE_FEE);
    unlockBalance(deal.client(), deal.clientCollateral(), LockReason.CLIENT_COLLATERAL);

    TokenAmount amountSlashed =
        MarketPolicy.collateralPenaltyForDealActivationMissed(deal.providerCollateral());
    TokenAmount amountRemaining = deal.providerBalanceRequirement().subtract(amountSlashed);

    slashBalance(deal.provider(), amountSlashed, LockReason.PROVIDER_COLLATERAL);
    unlockBalance(deal.provider(), amountRemaining, LockReason.PROVIDER_COLLATERAL);
    return amountSlashed;
  }

  /** Normal expiry, payments already made: unlock both collaterals. */
  private void processDealExpired(DealProposal deal, DealState state) {
    Assertions.check(
        state.sectorStartEpoch() != MarketState.EPOCH_UNDEFINED, "expired deal never activated");
    unlockBalance(deal.provider(), deal.providerCollateral(), LockReason.PROVIDER_COLLATERAL);
    unlockBalance(deal.client(), deal.clientCollateral(), LockReason.CLIENT_COLLATERAL);
  }

  /** The fee for the epochs from max(slash epoch, start) to the end, which are never paid. */
  static TokenAmount dealGetPaymentRemaining(DealProposal deal, long slashEpoch) {
    Assertions.check(slashEpoch <= deal.endEpoch(), "slash epoch after deal end");
    long from = Math.max(slashEpoch, deal.startEpoch());
    long durationRemaining = deal.endEpoch() - from;
    Assertions.check(durationRemaining >= 0, "negative remaining duration");
    return deal.storagePricePerEpoch().multiply(durationRemaining);
  }
}
