package io.filnode.actors.v2.miner;

import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The storage miner actor's state (miner.State), a tuple of 14. Mutable inside a state transaction.
 * Methods take the store they read and write, as Go's take an {@code adt.Store}.
 */
public final class MinerState implements CborEncodable {
  Cid info;
  TokenAmount preCommitDeposits;
  TokenAmount lockedFunds;
  Cid vestingFunds;
  TokenAmount feeDebt;
  TokenAmount initialPledge;
  Cid preCommittedSectors; // HAMT[SectorNumber]SectorPreCommitOnChainInfo
  Cid preCommittedSectorsExpiry; // AMT[ChainEpoch]BitField
  Cid allocatedSectors; // BitField
  Cid sectors; // AMT[SectorNumber]SectorOnChainInfo
  long provingPeriodStart;
  long currentDeadline;
  Cid deadlines;
  BitField earlyTerminations;

  @SuppressWarnings("TooManyParameters") // mirrors the Go struct
  MinerState(
      Cid info,
      TokenAmount preCommitDeposits,
      TokenAmount lockedFunds,
      Cid vestingFunds,
      TokenAmount feeDebt,
      TokenAmount initialPledge,
      Cid preCommittedSectors,
      Cid preCommittedSectorsExpiry,
      Cid allocatedSectors,
      Cid sectors,
      long provingPeriodStart,
      long currentDeadline,
      Cid deadlines,
      BitField earlyTerminations) {
    this.info = info;
    this.preCommitDeposits = preCommitDeposits;
    this.lockedFunds = lockedFunds;
    this.vestingFunds = vestingFunds;
    this.feeDebt = feeDebt;
    this.initialPledge = initialPledge;
    this.preCommittedSectors = preCommittedSectors;
    this.preCommittedSectorsExpiry = preCommittedSectorsExpiry;
    this.allocatedSectors = allocatedSectors;
    this.sectors = sectors;
    this.provingPeriodStart = provingPeriodStart;
    this.currentDeadline = currentDeadline;
    this.deadlines = deadlines;
    this.earlyTerminations = earlyTerminations;
  }

  /** miner.ConstructState. */
  @SuppressWarnings("TooManyParameters")
  static MinerState construct(
      Cid infoCid,
      long periodStart,
      long deadlineIndex,
      Cid emptyBitfieldCid,
      Cid emptyArrayCid,
      Cid emptyMapCid,
      Cid emptyDeadlinesCid,
      Cid emptyVestingFundsCid) {
    return new MinerState(
        infoCid,
        TokenAmount.ZERO,
        TokenAmount.ZERO,
        emptyVestingFundsCid,
        TokenAmount.ZERO,
        TokenAmount.ZERO,
        emptyMapCid,
        emptyArrayCid,
        emptyBitfieldCid,
        emptyArrayCid,
        periodStart,
        deadlineIndex,
        emptyDeadlinesCid,
        BitField.empty());
  }

  // --- accessors ---

  public Cid info() {
    return info;
  }

  public TokenAmount preCommitDeposits() {
    return preCommitDeposits;
  }

  public TokenAmount lockedFunds() {
    return lockedFunds;
  }

  public Cid vestingFunds() {
    return vestingFunds;
  }

  public TokenAmount feeDebt() {
    return feeDebt;
  }

  public TokenAmount initialPledge() {
    return initialPledge;
  }

  public Cid preCommittedSectors() {
    return preCommittedSectors;
  }

  public Cid preCommittedSectorsExpiry() {
    return preCommittedSectorsExpiry;
  }

  public Cid allocatedSectors() {
    return allocatedSectors;
  }

  public Cid sectors() {
    return sectors;
  }

  public long provingPeriodStart() {
    return provingPeriodStart;
  }

  public long currentDeadline() {
    return currentDeadline;
  }

  public Cid deadlines() {
    return deadlines;
  }

  public BitField earlyTerminations() {
    return earlyTerminations;
  }

  // --- info ---

  public MinerInfo getInfo(IpldStore store) {
    return Errors.get(store, info, "miner info", MinerInfo::decode);
  }

  void saveInfo(IpldStore store, MinerInfo minerInfo) {
    info = store.put(minerInfo);
  }

  public DeadlineInfo deadlineInfo(long currEpoch) {
    return DeadlineInfo.of(provingPeriodStart, currentDeadline, currEpoch);
  }

  QuantSpec quantSpecForDeadline(long dlIdx) {
    return DeadlineInfo.of(provingPeriodStart, dlIdx, 0).quantSpec();
  }

  QuantSpec quantSpecEveryDeadline() {
    return new QuantSpec(Policy.WPOST_CHALLENGE_WINDOW, provingPeriodStart);
  }

  // --- sector numbers ---

  void allocateSectorNumber(IpldStore store, long sectorNo) {
    if (sectorNo < 0) {
      throw Errors.illegalArgument("sector number out of range: %d", sectorNo);
    }
    BitField allocated =
        Errors.get(store, allocatedSectors, "allocated sectors", BitFields::decode);
    if (allocated.isSet(sectorNo)) {
      throw Errors.illegalArgument("sector number %d has already been allocated", sectorNo);
    }
    allocatedSectors = store.put(new BitFieldBlock(BitFields.set(allocated, sectorNo)));
  }

  void maskSectorNumbers(IpldStore store, BitField sectorNos) {
    if (sectorNos.isEmpty()) {
      throw Errors.illegalArgument("invalid mask bitfield: bitfield has no set bits");
    }
    long last = sectorNos.last().getAsLong();
    if (last < 0) {
      throw Errors.illegalArgument("masked sector number %d exceeded max sector number", last);
    }
    BitField allocated =
        Errors.get(store, allocatedSectors, "allocated sectors", BitFields::decode);
    allocatedSectors = store.put(new BitFieldBlock(allocated.union(sectorNos)));
  }

  // --- pre-commits ---

  private AdtMap preCommitMap(IpldStore store) {
    return AdtMap.load(store, preCommittedSectors, BuiltinActors.hamtOptions(2));
  }

  void putPrecommittedSector(IpldStore store, SectorPreCommitOnChainInfo pci) {
    AdtMap m = preCommitMap(store);
    m.put(Keys.uint(pci.info().sectorNumber()), pci);
    preCommittedSectors = m.flush();
  }

  /** The pre-commitment, or null. */
  SectorPreCommitOnChainInfo getPrecommittedSector(IpldStore store, long sectorNo) {
    return preCommitMap(store).get(Keys.uint(sectorNo), SectorPreCommitOnChainInfo::decode);
  }

  List<SectorPreCommitOnChainInfo> findPrecommittedSectors(IpldStore store, List<Long> sectorNos) {
    AdtMap m = preCommitMap(store);
    List<SectorPreCommitOnChainInfo> result = new ArrayList<>();
    for (long sectorNo : sectorNos) {
      SectorPreCommitOnChainInfo pci =
          m.get(Keys.uint(sectorNo), SectorPreCommitOnChainInfo::decode);
      if (pci != null) {
        result.add(pci);
      }
    }
    return result;
  }

  void deletePrecommittedSectors(IpldStore store, List<Long> sectorNos) {
    AdtMap m = preCommitMap(store);
    for (long sectorNo : sectorNos) {
      if (!m.delete(Keys.uint(sectorNo))) {
        throw Errors.illegalState("failed to delete precommitment for %d: not found", sectorNo);
      }
    }
    preCommittedSectors = m.flush();
  }

  // --- sectors ---

  boolean hasSectorNo(IpldStore store, long sectorNo) {
    return Sectors.load(store, sectors).get(sectorNo) != null;
  }

  void putSectors(IpldStore store, List<SectorOnChainInfo> newSectors) {
    Sectors s = Sectors.load(store, sectors);
    s.store(newSectors);
    sectors = s.flush();
  }

  /** The sector, or null. */
  public SectorOnChainInfo getSector(IpldStore store, long sectorNo) {
    return Sectors.load(store, sectors).get(sectorNo);
  }

  void deleteSectors(IpldStore store, BitField sectorNos) {
    Sectors s = Sectors.load(store, sectors);
    sectorNos.forEach(
        n -> {
          if (!s.delete(n)) {
            throw Errors.illegalState("failed to delete sector %d: not found", n);
          }
        });
    sectors = s.flush();
  }

  List<SectorOnChainInfo> loadSectorInfos(IpldStore store, BitField sectorNos) {
    return Sectors.load(store, sectors).load(sectorNos);
  }

  public Deadlines loadDeadlines(IpldStore store) {
    return Errors.get(store, deadlines, "deadlines", Deadlines::decode);
  }

  void saveDeadlines(IpldStore store, Deadlines dls) {
    deadlines = store.put(dls);
  }

  /**
   * Marks every unproven sector of every partition proven, as Lotus's genesis builder does ({@code
   * EraseAllUnproven}): from v2 on, sectors confirmed at genesis would otherwise carry no power
   * until a first Window PoSt. No actor method calls this.
   */
  public void eraseAllUnproven(IpldStore store) {
    Deadlines dls = loadDeadlines(store);
    for (int dlIdx = 0; dlIdx < Policy.WPOST_PERIOD_DEADLINES; dlIdx++) {
      Deadline dl = dls.loadDeadline(store, dlIdx);
      AdtArray partitionsArr = dl.partitionsArray(store);
      List<Long> indexes = new ArrayList<>();
      partitionsArr.forEach((idx, value) -> indexes.add(idx));
      for (long partIdx : indexes) {
        Partition partition = partitionsArr.get(partIdx, Partition::decode);
        partition.activateUnproven();
        partitionsArr.set(partIdx, partition);
      }
      dl.partitions = partitionsArr.flush();
      dls.updateDeadline(store, dlIdx, dl);
    }
    saveDeadlines(store, dls);
  }

  public VestingFunds loadVestingFunds(IpldStore store) {
    return Errors.get(store, vestingFunds, "vesting funds", VestingFunds::decode);
  }

  void saveVestingFunds(IpldStore store, VestingFunds funds) {
    vestingFunds = store.put(funds);
  }

  /** Moves active sectors to the end of their deadline's next challenge window (CC upgrade). */
  List<SectorOnChainInfo> rescheduleSectorExpirations(
      IpldStore store, long currEpoch, long ssize, DeadlineSectorMap deadlineSectors) {
    Deadlines dls = loadDeadlines(store);
    Sectors sectorsArr = Sectors.load(store, sectors);
    List<SectorOnChainInfo> allReplaced = new ArrayList<>();
    for (Map.Entry<Long, PartitionSectorMap> e : deadlineSectors.deadlines.entrySet()) {
      long dlIdx = e.getKey();
      DeadlineInfo dlInfo = DeadlineInfo.of(provingPeriodStart, dlIdx, currEpoch).nextNotElapsed();
      long newExpiration = dlInfo.last();
      Deadline dl = dls.loadDeadline(store, dlIdx);
      allReplaced.addAll(
          dl.rescheduleSectorExpirations(
              store, sectorsArr, newExpiration, e.getValue(), ssize, dlInfo.quantSpec()));
      dls.updateDeadline(store, dlIdx, dl);
    }
    saveDeadlines(store, dls);
    return allReplaced;
  }

  /** Assigns new sectors to the mutable deadlines; returns the power activated now (zero). */
  PowerPair assignSectorsToDeadlines(
      IpldStore store,
      long currentEpoch,
      List<SectorOnChainInfo> newSectors,
      long partitionSize,
      long sectorSize) {
    Deadlines dls = loadDeadlines(store);
    List<SectorOnChainInfo> sorted = new ArrayList<>(newSectors);
    sorted.sort(Comparator.comparingLong(SectorOnChainInfo::sectorNumber));
    Deadline[] deadlineArr = new Deadline[Policy.WPOST_PERIOD_DEADLINES];
    for (int i = 0; i < Policy.WPOST_PERIOD_DEADLINES; i++) {
      Deadline dl = dls.loadDeadline(store, i);
      if (deadlineIsMutable(provingPeriodStart, i, currentEpoch)) {
        deadlineArr[i] = dl;
      }
    }
    PowerPair activatedPower = PowerPair.ZERO;
    List<List<SectorOnChainInfo>> deadlineToSectors =
        DeadlineAssignment.assign(
            Policy.MAX_PARTITIONS_PER_DEADLINE, partitionSize, deadlineArr, sorted);
    for (int dlIdx = 0; dlIdx < deadlineToSectors.size(); dlIdx++) {
      List<SectorOnChainInfo> dlSectors = deadlineToSectors.get(dlIdx);
      if (dlSectors.isEmpty()) {
        continue;
      }
      QuantSpec quant = quantSpecForDeadline(dlIdx);
      Deadline dl = deadlineArr[dlIdx];
      activatedPower =
          activatedPower.add(
              dl.addSectors(store, partitionSize, false, dlSectors, sectorSize, quant));
      dls.updateDeadline(store, dlIdx, dl);
    }
    saveDeadlines(store, dls);
    return activatedPower;
  }

  /** The early terminations popped, and whether more remain. */
  record PoppedTerminations(TerminationResult result, boolean hasMore) {}

  /** Pops early terminations across deadlines, up to the limits. */
  PoppedTerminations popEarlyTerminations(IpldStore store, long maxPartitions, long maxSectors) {
    TerminationResult result = new TerminationResult();
    if (earlyTerminations.isEmpty()) {
      return new PoppedTerminations(result, false);
    }
    Deadlines dls = loadDeadlines(store);
    try {
      earlyTerminations.forEach(
          dlIdx -> {
            Deadline dl = dls.loadDeadline(store, dlIdx);
            Deadline.PoppedTerminations popped =
                dl.popEarlyTerminations(
                    store,
                    maxPartitions - result.partitionsProcessed,
                    maxSectors - result.sectorsProcessed);
            result.add(popped.result());
            if (!popped.hasMore()) {
              earlyTerminations = BitFields.unset(earlyTerminations, dlIdx);
            }
            dls.updateDeadline(store, dlIdx, dl);
            if (!result.belowLimit(maxPartitions, maxSectors)) {
              throw new StopIteration();
            }
          });
    } catch (StopIteration stop) {
      // reached a limit
    }
    saveDeadlines(store, dls);
    return new PoppedTerminations(result, !earlyTerminations.isEmpty());
  }

  /** Checks that a sector is in the partition, not faulty and not terminated. */
  void checkSectorHealth(IpldStore store, long dlIdx, long pIdx, long sector) {
    Deadlines dls = loadDeadlines(store);
    Deadline dl = dls.loadDeadline(store, dlIdx);
    Partition partition = dl.loadPartition(store, pIdx);
    if (!partition.sectors.isSet(sector)) {
      throw Errors.notFound(
          "sector %d not a member of partition %d, deadline %d", sector, pIdx, dlIdx);
    }
    if (partition.faults.isSet(sector)) {
      throw Errors.forbidden(
          "sector %d of partition %d, deadline %d is faulty", sector, pIdx, dlIdx);
    }
    if (partition.terminated.isSet(sector)) {
      throw Errors.notFound(
          "sector %d of partition %d, deadline %d is terminated", sector, pIdx, dlIdx);
    }
  }

  // --- funds ---

  void addPreCommitDeposit(TokenAmount amount) {
    TokenAmount newTotal = preCommitDeposits.add(amount);
    if (newTotal.signum() < 0) {
      throw new IllegalStateException("negative pre-commit deposit " + newTotal);
    }
    preCommitDeposits = newTotal;
  }

  void addInitialPledge(TokenAmount amount) {
    TokenAmount newTotal = initialPledge.add(amount);
    if (newTotal.signum() < 0) {
      throw new IllegalStateException("negative initial pledge requirement " + newTotal);
    }
    initialPledge = newTotal;
  }

  /** Vests what is due, then locks {@code vestingSum} on {@code spec}; returns what vested. */
  TokenAmount addLockedFunds(
      IpldStore store, long currEpoch, TokenAmount vestingSum, VestSpec spec) {
    if (vestingSum.signum() < 0) {
      throw new IllegalStateException("negative vesting sum " + vestingSum);
    }
    VestingFunds vf = loadVestingFunds(store);
    TokenAmount unlocked = vf.unlockVestedFunds(currEpoch);
    lockedFunds = lockedFunds.subtract(unlocked);
    if (lockedFunds.signum() < 0) {
      throw new IllegalStateException("negative locked funds " + lockedFunds);
    }
    vf.addLockedFunds(currEpoch, vestingSum, provingPeriodStart, spec);
    lockedFunds = lockedFunds.add(vestingSum);
    saveVestingFunds(store, vf);
    return unlocked;
  }

  void applyPenalty(TokenAmount penalty) {
    if (penalty.signum() < 0) {
      throw Errors.illegalState("applying negative penalty %s not allowed", penalty);
    }
    feeDebt = feeDebt.add(penalty);
  }

  /** What was repaid from vesting funds and from the unlocked balance. */
  record Repayment(TokenAmount fromVesting, TokenAmount fromBalance) {}

  /** Repays fee debt from unvested funds first, then from the unlocked balance. */
  Repayment repayPartialDebtInPriorityOrder(
      IpldStore store, long currEpoch, TokenAmount currBalance) {
    TokenAmount unlockedBalance = getUnlockedBalance(currBalance);
    TokenAmount fromVesting = unlockUnvestedFunds(store, currEpoch, feeDebt);
    if (fromVesting.compareTo(feeDebt) > 0) {
      throw new IllegalStateException("unlocked more vesting funds than the debt");
    }
    feeDebt = feeDebt.subtract(fromVesting);
    TokenAmount fromBalance = Big.min(unlockedBalance, feeDebt);
    feeDebt = feeDebt.subtract(fromBalance);
    return new Repayment(fromVesting, fromBalance);
  }

  /** Clears all fee debt from the unlocked balance; returns the amount to burn. */
  TokenAmount repayDebts(TokenAmount currBalance) {
    TokenAmount unlockedBalance = getUnlockedBalance(currBalance);
    if (unlockedBalance.compareTo(feeDebt) < 0) {
      throw new io.filnode.actors.runtime.ActorException(
          io.filnode.actors.runtime.ExitCode.ERR_INSUFFICIENT_FUNDS,
          "unlocked balance can not repay fee debt (" + unlockedBalance + " < " + feeDebt + ")");
    }
    TokenAmount debt = feeDebt;
    feeDebt = TokenAmount.ZERO;
    return debt;
  }

  TokenAmount unlockUnvestedFunds(IpldStore store, long currEpoch, TokenAmount target) {
    if (target.isZero() || lockedFunds.isZero()) {
      return TokenAmount.ZERO;
    }
    VestingFunds vf = loadVestingFunds(store);
    TokenAmount unlocked = vf.unlockUnvestedFunds(currEpoch, target);
    lockedFunds = lockedFunds.subtract(unlocked);
    if (lockedFunds.signum() < 0) {
      throw new IllegalStateException("negative locked funds " + lockedFunds);
    }
    saveVestingFunds(store, vf);
    return unlocked;
  }

  /** Unlocks the funds that vested before {@code currEpoch}; returns the amount. */
  TokenAmount unlockVestedFunds(IpldStore store, long currEpoch) {
    if (lockedFunds.isZero()) {
      return TokenAmount.ZERO;
    }
    VestingFunds vf = loadVestingFunds(store);
    TokenAmount unlocked = vf.unlockVestedFunds(currEpoch);
    lockedFunds = lockedFunds.subtract(unlocked);
    if (lockedFunds.signum() < 0) {
      throw Errors.illegalState("vesting cause locked funds negative %s", lockedFunds);
    }
    saveVestingFunds(store, vf);
    return unlocked;
  }

  /** The funds that have vested by {@code currEpoch} but are still in the table. */
  public TokenAmount checkVestedFunds(IpldStore store, long currEpoch) {
    TokenAmount vested = TokenAmount.ZERO;
    for (VestingFund f : loadVestingFunds(store).funds()) {
      if (f.epoch() >= currEpoch) {
        break;
      }
      vested = vested.add(f.amount());
    }
    return vested;
  }

  /** Balance minus locked funds, deposits and pledge; negative is {@code ErrIllegalState}. */
  public TokenAmount getUnlockedBalance(TokenAmount actorBalance) {
    TokenAmount unlocked =
        actorBalance.subtract(lockedFunds).subtract(preCommitDeposits).subtract(initialPledge);
    if (unlocked.signum() < 0) {
      throw Errors.illegalState("negative unlocked balance %s", unlocked);
    }
    return unlocked;
  }

  /** The unlocked balance less fee debt (may be negative). */
  public TokenAmount getAvailableBalance(TokenAmount actorBalance) {
    return getUnlockedBalance(actorBalance).subtract(feeDebt);
  }

  /** Null when the invariants hold, else what is broken. */
  String checkBalanceInvariants(TokenAmount balance) {
    if (preCommitDeposits.signum() < 0) {
      return "pre-commit deposit is negative";
    }
    if (lockedFunds.signum() < 0) {
      return "locked funds is negative";
    }
    if (initialPledge.signum() < 0) {
      return "initial pledge is negative";
    }
    if (feeDebt.signum() < 0) {
      return "fee debt is negative";
    }
    TokenAmount min = preCommitDeposits.add(lockedFunds).add(initialPledge);
    if (balance.compareTo(min) < 0) {
      return "balance " + balance + " below required " + min;
    }
    return null;
  }

  public boolean isDebtFree() {
    return feeDebt.signum() <= 0;
  }

  // --- pre-commit expiry ---

  void addPreCommitExpiry(IpldStore store, long expireEpoch, long sectorNum) {
    BitfieldQueue q =
        BitfieldQueue.load(store, preCommittedSectorsExpiry, quantSpecEveryDeadline());
    q.addToQueueValues(expireEpoch, List.of(sectorNum));
    preCommittedSectorsExpiry = q.flush();
  }

  /** Removes expired pre-commitments; returns their deposits, to be burnt. */
  TokenAmount expirePreCommits(IpldStore store, long currEpoch) {
    TokenAmount depositToBurn = TokenAmount.ZERO;
    BitfieldQueue q =
        BitfieldQueue.load(store, preCommittedSectorsExpiry, quantSpecEveryDeadline());
    BitfieldQueue.Popped popped = q.popUntil(currEpoch);
    if (popped.modified()) {
      preCommittedSectorsExpiry = q.flush();
    }
    List<Long> toDelete = new ArrayList<>();
    for (long sectorNo : popped.values().stream().toArray()) {
      SectorPreCommitOnChainInfo pci = getPrecommittedSector(store, sectorNo);
      if (pci == null) {
        continue;
      }
      toDelete.add(sectorNo);
      depositToBurn = depositToBurn.add(pci.preCommitDeposit());
    }
    if (!toDelete.isEmpty()) {
      deletePrecommittedSectors(store, toDelete);
    }
    preCommitDeposits = preCommitDeposits.subtract(depositToBurn);
    if (preCommitDeposits.signum() < 0) {
      throw Errors.illegalState(
          "pre-commit expiry caused negative deposits: %s", preCommitDeposits);
    }
    return depositToBurn;
  }

  /** What advancing the deadline changed. */
  record AdvanceDeadlineResult(
      TokenAmount pledgeDelta,
      PowerPair powerDelta,
      PowerPair previouslyFaultyPower,
      PowerPair detectedFaultyPower,
      PowerPair totalFaultyPower) {}

  /** Ends the current deadline: detects missed PoSts, expires sectors, moves to the next. */
  AdvanceDeadlineResult advanceDeadline(IpldStore store, long currEpoch) {
    DeadlineInfo dlInfo = deadlineInfo(currEpoch);
    if (!dlInfo.periodStarted()) {
      return new AdvanceDeadlineResult(
          TokenAmount.ZERO, PowerPair.ZERO, PowerPair.ZERO, PowerPair.ZERO, PowerPair.ZERO);
    }
    currentDeadline = (currentDeadline + 1) % Policy.WPOST_PERIOD_DEADLINES;
    if (currentDeadline == 0) {
      provingPeriodStart = provingPeriodStart + Policy.WPOST_PROVING_PERIOD;
    }
    Deadlines dls = loadDeadlines(store);
    Deadline deadline = dls.loadDeadline(store, dlInfo.index());
    PowerPair previouslyFaultyPower = deadline.faultyPower;
    if (deadline.liveSectors == 0) {
      return new AdvanceDeadlineResult(
          TokenAmount.ZERO,
          PowerPair.ZERO,
          previouslyFaultyPower,
          PowerPair.ZERO,
          deadline.faultyPower);
    }
    QuantSpec quant = dlInfo.quantSpec();
    long faultExpiration = dlInfo.last() + Policy.FAULT_MAX_AGE;
    Deadline.DeadlineEnd end = deadline.processDeadlineEnd(store, quant, faultExpiration);
    PowerPair powerDelta = end.powerDelta();
    PowerPair totalFaultyPower = deadline.faultyPower;
    ExpirationSet expired = deadline.popExpiredSectors(store, dlInfo.last(), quant);
    TokenAmount pledgeDelta = Big.neg(expired.onTimePledge);
    addInitialPledge(Big.neg(expired.onTimePledge));
    powerDelta = powerDelta.sub(expired.activePower);
    if (!expired.earlySectors.isEmpty()) {
      earlyTerminations = BitFields.set(earlyTerminations, dlInfo.index());
    }
    dls.updateDeadline(store, dlInfo.index(), deadline);
    saveDeadlines(store, dls);
    return new AdvanceDeadlineResult(
        pledgeDelta, powerDelta, previouslyFaultyPower, end.penalizedPower(), totalFaultyPower);
  }

  /** True if a deadline is not in, or about to enter, its challenge window. */
  static boolean deadlineIsMutable(long provingPeriodStart, long dlIdx, long currentEpoch) {
    DeadlineInfo dlInfo = DeadlineInfo.of(provingPeriodStart, dlIdx, currentEpoch).nextNotElapsed();
    return currentEpoch < dlInfo.open() - Policy.WPOST_CHALLENGE_WINDOW;
  }

  /** A bitfield stored as its own block (the allocated sector numbers). */
  private record BitFieldBlock(BitField bf) implements CborEncodable {
    @Override
    public void encode(CborWriter w) {
      BitFields.encode(w, bf);
    }
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(14);
    w.writeCid(info);
    preCommitDeposits.encode(w);
    lockedFunds.encode(w);
    w.writeCid(vestingFunds);
    feeDebt.encode(w);
    initialPledge.encode(w);
    w.writeCid(preCommittedSectors);
    w.writeCid(preCommittedSectorsExpiry);
    w.writeCid(allocatedSectors);
    w.writeCid(sectors);
    w.writeInt64(provingPeriodStart);
    w.writeUint64(currentDeadline);
    w.writeCid(deadlines);
    BitFields.encode(w, earlyTerminations);
  }

  public static MinerState decode(CborReader r) throws CborException {
    r.readTupleHeader(14, "miner State");
    return new MinerState(
        r.readCid(),
        TokenAmount.decode(r),
        TokenAmount.decode(r),
        r.readCid(),
        TokenAmount.decode(r),
        TokenAmount.decode(r),
        r.readCid(),
        r.readCid(),
        r.readCid(),
        r.readCid(),
        r.readInt64(),
        r.readUint64(),
        r.readCid(),
        BitFields.decode(r));
  }
}
