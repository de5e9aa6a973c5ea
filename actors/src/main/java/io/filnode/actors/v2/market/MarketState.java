package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;

/**
 * The storage market actor's state (specs-actors v2 {@code market.State}), an 11-field tuple.
 * Mutable: methods change it inside {@code rt.stateTransaction} through a {@link
 * MarketStateMutation}.
 */
public final class MarketState implements CborEncodable {
  /** The epoch value meaning "not yet". */
  public static final long EPOCH_UNDEFINED = -1;

  /** AMT[DealID]DealProposal. */
  Cid proposals;

  /** AMT[DealID]DealState. */
  Cid states;

  /** HAMT[proposal CID]DealProposal: published deals not yet processed by cron. */
  Cid pendingProposals;

  /** BalanceTable of all escrow, locked or not. */
  Cid escrowTable;

  /** BalanceTable of the locked part of each escrow. */
  Cid lockedTable;

  long nextId;

  /** SetMultimap epoch → deal IDs to process at that epoch. */
  Cid dealOpsByEpoch;

  long lastCron;
  TokenAmount totalClientLockedCollateral;
  TokenAmount totalProviderLockedCollateral;
  TokenAmount totalClientStorageFee;

  MarketState(
      Cid proposals,
      Cid states,
      Cid pendingProposals,
      Cid escrowTable,
      Cid lockedTable,
      long nextId,
      Cid dealOpsByEpoch,
      long lastCron,
      TokenAmount totalClientLockedCollateral,
      TokenAmount totalProviderLockedCollateral,
      TokenAmount totalClientStorageFee) {
    this.proposals = proposals;
    this.states = states;
    this.pendingProposals = pendingProposals;
    this.escrowTable = escrowTable;
    this.lockedTable = lockedTable;
    this.nextId = nextId;
    this.dealOpsByEpoch = dealOpsByEpoch;
    this.lastCron = lastCron;
    this.totalClientLockedCollateral = totalClientLockedCollateral;
    this.totalProviderLockedCollateral = totalProviderLockedCollateral;
    this.totalClientStorageFee = totalClientStorageFee;
  }

  /** ConstructState: empty structures, no deals, cron never run. */
  public static MarketState construct(Cid emptyArray, Cid emptyMap, Cid emptyMultimap) {
    return new MarketState(
        emptyArray,
        emptyArray,
        emptyMap,
        emptyMap,
        emptyMap,
        0,
        emptyMultimap,
        EPOCH_UNDEFINED,
        TokenAmount.ZERO,
        TokenAmount.ZERO,
        TokenAmount.ZERO);
  }

  public Cid proposals() {
    return proposals;
  }

  public Cid states() {
    return states;
  }

  public Cid pendingProposals() {
    return pendingProposals;
  }

  public Cid escrowTable() {
    return escrowTable;
  }

  public Cid lockedTable() {
    return lockedTable;
  }

  public long nextId() {
    return nextId;
  }

  public Cid dealOpsByEpoch() {
    return dealOpsByEpoch;
  }

  public long lastCron() {
    return lastCron;
  }

  public TokenAmount totalClientLockedCollateral() {
    return totalClientLockedCollateral;
  }

  public TokenAmount totalProviderLockedCollateral() {
    return totalProviderLockedCollateral;
  }

  public TokenAmount totalClientStorageFee() {
    return totalClientStorageFee;
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(11);
    w.writeCid(proposals);
    w.writeCid(states);
    w.writeCid(pendingProposals);
    w.writeCid(escrowTable);
    w.writeCid(lockedTable);
    w.writeUint64(nextId);
    w.writeCid(dealOpsByEpoch);
    w.writeInt64(lastCron);
    totalClientLockedCollateral.encode(w);
    totalProviderLockedCollateral.encode(w);
    totalClientStorageFee.encode(w);
  }

  public static MarketState decode(CborReader r) throws CborException {
    r.readTupleHeader(11, "market State");
    return new MarketState(
        r.readCid(),
        r.readCid(),
        r.readCid(),
        r.readCid(),
        r.readCid(),
        r.readUint64(),
        r.readCid(),
        r.readInt64(),
        TokenAmount.decode(r),
        TokenAmount.decode(r),
        TokenAmount.decode(r));
  }
}
