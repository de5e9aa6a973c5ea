package io.filnode.actors.v2.miner;

import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of the 48 deadlines of a proving period (miner.Deadline), a tuple of 7: its partitions, the
 * queue of epochs at which partitions have expirations, and per-period PoSt bookkeeping. Mutable.
 */
public final class Deadline implements CborEncodable {
  Cid partitions; // AMT[PartitionNumber]Partition
  Cid expirationsEpochs; // AMT[ChainEpoch]BitField
  BitField postSubmissions;
  BitField earlyTerminations;
  long liveSectors;
  long totalSectors;
  PowerPair faultyPower;

  @SuppressWarnings("TooManyParameters") // mirrors the Go struct
  Deadline(
      Cid partitions,
      Cid expirationsEpochs,
      BitField postSubmissions,
      BitField earlyTerminations,
      long liveSectors,
      long totalSectors,
      PowerPair faultyPower) {
    this.partitions = partitions;
    this.expirationsEpochs = expirationsEpochs;
    this.postSubmissions = postSubmissions;
    this.earlyTerminations = earlyTerminations;
    this.liveSectors = liveSectors;
    this.totalSectors = totalSectors;
    this.faultyPower = faultyPower;
  }

  public static Deadline construct(Cid emptyArray) {
    return new Deadline(
        emptyArray, emptyArray, BitField.empty(), BitField.empty(), 0, 0, PowerPair.ZERO);
  }

  public Cid partitions() {
    return partitions;
  }

  public Cid expirationsEpochs() {
    return expirationsEpochs;
  }

  public BitField postSubmissions() {
    return postSubmissions;
  }

  public BitField earlyTerminations() {
    return earlyTerminations;
  }

  public long liveSectors() {
    return liveSectors;
  }

  public long totalSectors() {
    return totalSectors;
  }

  public PowerPair faultyPower() {
    return faultyPower;
  }

  public AdtArray partitionsArray(IpldStore store) {
    return AdtArray.load(store, partitions, AmtOptions.v2());
  }

  public Partition loadPartition(IpldStore store, long partIdx) {
    Partition p = partitionsArray(store).get(partIdx, Partition::decode);
    if (p == null) {
      throw Errors.notFound("no partition %d", partIdx);
    }
    return p;
  }

  /** Records that {@code partitionIdxs} have sectors expiring at {@code expirationEpoch}. */
  void addExpirationPartitions(
      IpldStore store, long expirationEpoch, List<Long> partitionIdxs, QuantSpec quant) {
    if (partitionIdxs.isEmpty()) {
      return;
    }
    BitfieldQueue queue = BitfieldQueue.load(store, expirationsEpochs, quant);
    queue.addToQueueValues(expirationEpoch, partitionIdxs);
    expirationsEpochs = queue.flush();
  }

  /** Pops and terminates the sectors of every partition expiring at or before {@code until}. */
  public ExpirationSet popExpiredSectors(IpldStore store, long until, QuantSpec quant) {
    BitfieldQueue expirations = BitfieldQueue.load(store, expirationsEpochs, quant);
    BitfieldQueue.Popped popped = expirations.popUntil(until);
    if (!popped.modified()) {
      return ExpirationSet.empty();
    }
    expirationsEpochs = expirations.flush();
    AdtArray partitionsArr = partitionsArray(store);
    List<BitField> onTime = new ArrayList<>();
    List<BitField> early = new ArrayList<>();
    TokenAmount allOnTimePledge = TokenAmount.ZERO;
    PowerPair allActivePower = PowerPair.ZERO;
    PowerPair allFaultyPower = PowerPair.ZERO;
    List<Long> partitionsWithEarlyTerminations = new ArrayList<>();
    for (long partIdx : popped.values().stream().toArray()) {
      Partition partition = partitionsArr.get(partIdx, Partition::decode);
      if (partition == null) {
        throw Errors.illegalState("missing expected partition %d", partIdx);
      }
      ExpirationSet partExpiration = partition.popExpiredSectors(store, until, quant);
      onTime.add(partExpiration.onTimeSectors);
      early.add(partExpiration.earlySectors);
      allActivePower = allActivePower.add(partExpiration.activePower);
      allFaultyPower = allFaultyPower.add(partExpiration.faultyPower);
      allOnTimePledge = allOnTimePledge.add(partExpiration.onTimePledge);
      if (!partExpiration.earlySectors.isEmpty()) {
        partitionsWithEarlyTerminations.add(partIdx);
      }
      partitionsArr.set(partIdx, partition);
    }
    partitions = partitionsArr.flush();
    for (long partIdx : partitionsWithEarlyTerminations) {
      earlyTerminations = BitFields.set(earlyTerminations, partIdx);
    }
    BitField allOnTime = BitField.multiMerge(onTime);
    BitField allEarly = BitField.multiMerge(early);
    liveSectors -= allOnTime.count() + allEarly.count();
    faultyPower = faultyPower.sub(allFaultyPower);
    return new ExpirationSet(allOnTime, allEarly, allOnTimePledge, allActivePower, allFaultyPower);
  }

  /**
   * Adds sectors to the deadline, filling the last partition first and opening new ones; returns
   * the power activated now (zero for unproven sectors).
   */
  public PowerPair addSectors(
      IpldStore store,
      long partitionSize,
      boolean proven,
      List<SectorOnChainInfo> sectors,
      long ssize,
      QuantSpec quant) {
    if (sectors.isEmpty()) {
      return PowerPair.ZERO;
    }
    Map<Long, List<Long>> partitionDeadlineUpdates = new HashMap<>();
    PowerPair activatedPower = PowerPair.ZERO;
    liveSectors += sectors.size();
    totalSectors += sectors.size();
    AdtArray partitionsArr = partitionsArray(store);
    long partIdx = partitionsArr.length();
    if (partIdx > 0) {
      partIdx -= 1; // try filling up the last partition first
    }
    int next = 0;
    for (; next < sectors.size(); partIdx++) {
      Partition partition = partitionsArr.get(partIdx, Partition::decode);
      if (partition == null) {
        partition = Partition.construct(Partition.emptyArray(store));
      }
      long sectorCount = partition.sectors.count();
      if (Long.compareUnsigned(sectorCount, partitionSize) >= 0) {
        continue;
      }
      long size = Math.min(partitionSize - sectorCount, sectors.size() - next);
      List<SectorOnChainInfo> partitionNewSectors = sectors.subList(next, next + (int) size);
      next += (int) size;
      activatedPower =
          activatedPower.add(
              partition.addSectors(store, proven, partitionNewSectors, ssize, quant));
      partitionsArr.set(partIdx, partition);
      for (SectorOnChainInfo sector : partitionNewSectors) {
        List<Long> update =
            partitionDeadlineUpdates.computeIfAbsent(sector.expiration(), k -> new ArrayList<>());
        if (!update.isEmpty() && update.get(update.size() - 1) == partIdx) {
          continue;
        }
        update.add(partIdx);
      }
    }
    partitions = partitionsArr.flush();
    BitfieldQueue deadlineExpirations = BitfieldQueue.load(store, expirationsEpochs, quant);
    deadlineExpirations.addManyToQueueValues(partitionDeadlineUpdates);
    expirationsEpochs = deadlineExpirations.flush();
    return activatedPower;
  }

  /** The early terminations popped from this deadline, and whether some remain. */
  record PoppedTerminations(TerminationResult result, boolean hasMore) {}

  /** Pops early terminations from partitions, up to the limits. */
  PoppedTerminations popEarlyTerminations(IpldStore store, long maxPartitions, long maxSectors) {
    AdtArray partitionsArr = partitionsArray(store);
    List<Long> partitionsFinished = new ArrayList<>();
    TerminationResult result = new TerminationResult();
    try {
      earlyTerminations.forEach(
          partIdx -> {
            Partition partition = partitionsArr.get(partIdx, Partition::decode);
            if (partition == null) {
              partitionsFinished.add(partIdx);
              return;
            }
            Partition.PoppedTerminations popped =
                partition.popEarlyTerminations(store, maxSectors - result.sectorsProcessed);
            result.add(popped.result());
            if (!popped.hasMore()) {
              partitionsFinished.add(partIdx);
            }
            partitionsArr.set(partIdx, partition);
            if (!result.belowLimit(maxPartitions, maxSectors)) {
              throw new StopIteration();
            }
          });
    } catch (StopIteration stop) {
      // reached a limit
    }
    for (long finished : partitionsFinished) {
      earlyTerminations = BitFields.unset(earlyTerminations, finished);
    }
    partitions = partitionsArr.flush();
    return new PoppedTerminations(result, !earlyTerminations.isEmpty());
  }

  /** Terminates sectors by partition; returns the active power lost. */
  PowerPair terminateSectors(
      IpldStore store,
      Sectors sectors,
      long epoch,
      PartitionSectorMap partitionSectors,
      long ssize,
      QuantSpec quant) {
    AdtArray partitionsArr = partitionsArray(store);
    PowerPair powerLost = PowerPair.ZERO;
    for (Map.Entry<Long, BitField> e : partitionSectors.partitions.entrySet()) {
      long partIdx = e.getKey();
      Partition partition = partitionsArr.get(partIdx, Partition::decode);
      if (partition == null) {
        throw Errors.notFound("failed to find partition %d", partIdx);
      }
      ExpirationSet removed =
          partition.terminateSectors(store, sectors, epoch, e.getValue(), ssize, quant);
      partitionsArr.set(partIdx, partition);
      long count = removed.count();
      if (count > 0) {
        earlyTerminations = BitFields.set(earlyTerminations, partIdx);
        liveSectors -= count;
      }
      faultyPower = faultyPower.sub(removed.faultyPower);
      powerLost = powerLost.add(removed.activePower);
    }
    partitions = partitionsArr.flush();
    return powerLost;
  }

  /** The outcome of {@link #removePartitions}. */
  record RemovedPartitions(BitField live, BitField dead, PowerPair removedPower) {}

  /** Removes whole partitions (compaction); their live sectors are to be re-added by the caller. */
  RemovedPartitions removePartitions(IpldStore store, BitField toRemove, QuantSpec quant) {
    AdtArray oldPartitions = partitionsArray(store);
    long partitionCount = oldPartitions.length();
    if (Long.compareUnsigned(toRemove.count(), partitionCount) > 0) {
      throw Errors.illegalArgument("failed to expand partitions into map: too many");
    }
    Set<Long> toRemoveSet = new HashSet<>();
    toRemove.forEach(toRemoveSet::add);
    if (toRemoveSet.isEmpty()) {
      return new RemovedPartitions(BitField.empty(), BitField.empty(), PowerPair.ZERO);
    }
    for (long partIdx : toRemoveSet) {
      if (Long.compareUnsigned(partIdx, partitionCount) >= 0) {
        throw Errors.illegalArgument(
            "partition index %d out of range [0, %d)", partIdx, partitionCount);
      }
    }
    if (!earlyTerminations.isEmpty()) {
      throw Errors.illegalState("cannot remove partitions from deadline with early terminations");
    }
    AdtArray newPartitions = AdtArray.create(store, AmtOptions.v2());
    List<BitField> allDead = new ArrayList<>();
    List<BitField> allLive = new ArrayList<>();
    PowerPair[] removedPower = {PowerPair.ZERO};
    oldPartitions.forEach(
        (partIdx, raw) -> {
          if (!toRemoveSet.contains(partIdx)) {
            newPartitions.set(newPartitions.length(), new RawBytes(raw));
            return;
          }
          Partition partition = CborReader.decodeWhole(raw, "Partition", Partition::decode);
          if (!partition.faults.isEmpty()) {
            throw Errors.illegalArgument("cannot remove partition %d: has faults", partIdx);
          }
          if (!partition.unproven.isEmpty()) {
            throw Errors.illegalArgument(
                "cannot remove partition %d: has unproven sectors", partIdx);
          }
          allDead.add(partition.terminated);
          allLive.add(partition.liveSectors());
          removedPower[0] = removedPower[0].add(partition.livePower);
        });
    partitions = newPartitions.flush();
    BitField dead = BitField.multiMerge(allDead);
    BitField live = BitField.multiMerge(allLive);
    long removedDead = dead.count();
    long removedLive = live.count();
    liveSectors -= removedLive;
    totalSectors -= removedLive + removedDead;
    BitfieldQueue expirationEpochs = BitfieldQueue.load(store, expirationsEpochs, quant);
    expirationEpochs.cut(toRemove);
    expirationsEpochs = expirationEpochs.flush();
    return new RemovedPartitions(live, dead, removedPower[0]);
  }

  /** Declares faults by partition; returns the power delta. */
  PowerPair declareFaults(
      IpldStore store,
      Sectors sectors,
      long ssize,
      QuantSpec quant,
      long faultExpirationEpoch,
      PartitionSectorMap partitionSectors) {
    AdtArray partitionsArr = partitionsArray(store);
    List<Long> partitionsWithFault = new ArrayList<>();
    PowerPair powerDelta = PowerPair.ZERO;
    for (Map.Entry<Long, BitField> e : partitionSectors.partitions.entrySet()) {
      long partIdx = e.getKey();
      Partition partition = partitionsArr.get(partIdx, Partition::decode);
      if (partition == null) {
        throw Errors.notFound("no such partition %d", partIdx);
      }
      Partition.DeclaredFaults declared =
          partition.declareFaults(store, sectors, e.getValue(), faultExpirationEpoch, ssize, quant);
      faultyPower = faultyPower.add(declared.newFaultyPower());
      powerDelta = powerDelta.add(declared.powerDelta());
      if (!declared.newFaults().isEmpty()) {
        partitionsWithFault.add(partIdx);
      }
      partitionsArr.set(partIdx, partition);
    }
    partitions = partitionsArr.flush();
    addExpirationPartitions(store, faultExpirationEpoch, partitionsWithFault, quant);
    return powerDelta;
  }

  /** Declares recoveries by partition. */
  void declareFaultsRecovered(
      IpldStore store, Sectors sectors, long ssize, PartitionSectorMap partitionSectors) {
    AdtArray partitionsArr = partitionsArray(store);
    for (Map.Entry<Long, BitField> e : partitionSectors.partitions.entrySet()) {
      long partIdx = e.getKey();
      Partition partition = partitionsArr.get(partIdx, Partition::decode);
      if (partition == null) {
        throw Errors.notFound("no such partition %d", partIdx);
      }
      // Go wraps this error as ErrIllegalState, which hides the partition's own exit code
      Errors.recode(
          io.filnode.actors.runtime.ExitCode.ERR_ILLEGAL_STATE,
          () -> {
            partition.declareFaultsRecovered(sectors, ssize, e.getValue());
            return null;
          });
      partitionsArr.set(partIdx, partition);
    }
    partitions = partitionsArr.flush();
  }

  /** The power changes at the end of the deadline's challenge window. */
  record DeadlineEnd(PowerPair powerDelta, PowerPair penalizedPower) {}

  /** Marks partitions that were not proven (and not all faulty) as faulty. */
  DeadlineEnd processDeadlineEnd(IpldStore store, QuantSpec quant, long faultExpirationEpoch) {
    PowerPair powerDelta = PowerPair.ZERO;
    PowerPair penalizedPower = PowerPair.ZERO;
    AdtArray partitionsArr = partitionsArray(store);
    boolean detectedAny = false;
    List<Long> rescheduledPartitions = new ArrayList<>();
    for (long partIdx = 0; partIdx < partitionsArr.length(); partIdx++) {
      if (postSubmissions.isSet(partIdx)) {
        continue;
      }
      Partition partition = partitionsArr.get(partIdx, Partition::decode);
      if (partition == null) {
        throw Errors.illegalState("no partition %d", partIdx);
      }
      if (partition.recoveringPower.isZero() && partition.faultyPower.equals(partition.livePower)) {
        continue;
      }
      detectedAny = true;
      Partition.MissedPost missed = partition.recordMissedPost(store, faultExpirationEpoch, quant);
      if (!missed.newFaultyPower().isZero()) {
        rescheduledPartitions.add(partIdx);
      }
      partitionsArr.set(partIdx, partition);
      faultyPower = faultyPower.add(missed.newFaultyPower());
      powerDelta = powerDelta.add(missed.powerDelta());
      penalizedPower = penalizedPower.add(missed.penalizedPower());
    }
    if (detectedAny) {
      partitions = partitionsArr.flush();
    }
    addExpirationPartitions(store, faultExpirationEpoch, rescheduledPartitions, quant);
    postSubmissions = BitField.empty();
    return new DeadlineEnd(powerDelta, penalizedPower);
  }

  /** The outcome of a Window PoSt over some partitions. */
  record PoStResult(
      PowerPair powerDelta,
      PowerPair newFaultyPower,
      PowerPair retractedRecoveryPower,
      PowerPair recoveredPower,
      BitField sectors,
      BitField ignoredSectors) {
    PowerPair penaltyPower() {
      return newFaultyPower.add(retractedRecoveryPower);
    }
  }

  /** Records a Window PoSt: skipped faults, recoveries and first proofs, per partition. */
  PoStResult recordProvenSectors(
      IpldStore store,
      Sectors sectors,
      long ssize,
      QuantSpec quant,
      long faultExpiration,
      List<PoStPartition> postPartitions) {
    AdtArray partitionsArr = partitionsArray(store);
    List<BitField> allSectors = new ArrayList<>();
    List<BitField> allIgnored = new ArrayList<>();
    PowerPair newFaultyPowerTotal = PowerPair.ZERO;
    PowerPair retractedRecoveryPowerTotal = PowerPair.ZERO;
    PowerPair recoveredPowerTotal = PowerPair.ZERO;
    PowerPair powerDelta = PowerPair.ZERO;
    List<Long> rescheduledPartitions = new ArrayList<>();
    for (PoStPartition post : postPartitions) {
      if (postSubmissions.isSet(post.index())) {
        continue;
      }
      Partition partition = partitionsArr.get(post.index(), Partition::decode);
      if (partition == null) {
        throw Errors.notFound("no such partition %d", post.index());
      }
      Partition.SkippedFaults skipped =
          partition.recordSkippedFaults(
              store, sectors, ssize, quant, faultExpiration, post.skipped());
      if (skipped.hasNewFaults()) {
        rescheduledPartitions.add(post.index());
      }
      PowerPair recoveredPower = partition.recoverFaults(store, sectors, ssize, quant);
      PowerPair newPowerDelta = skipped.powerDelta().add(partition.activateUnproven());
      partitionsArr.set(post.index(), partition);
      newFaultyPowerTotal = newFaultyPowerTotal.add(skipped.newFaultPower());
      retractedRecoveryPowerTotal =
          retractedRecoveryPowerTotal.add(skipped.retractedRecoveryPower());
      recoveredPowerTotal = recoveredPowerTotal.add(recoveredPower);
      powerDelta = powerDelta.add(newPowerDelta).add(recoveredPower);
      postSubmissions = BitFields.set(postSubmissions, post.index());
      allSectors.add(partition.sectors);
      allIgnored.add(partition.faults);
      allIgnored.add(partition.terminated);
    }
    addExpirationPartitions(store, faultExpiration, rescheduledPartitions, quant);
    faultyPower = faultyPower.sub(recoveredPowerTotal).add(newFaultyPowerTotal);
    partitions = partitionsArr.flush();
    return new PoStResult(
        powerDelta,
        newFaultyPowerTotal,
        retractedRecoveryPowerTotal,
        recoveredPowerTotal,
        BitField.multiMerge(allSectors),
        BitField.multiMerge(allIgnored));
  }

  /** Moves active sectors to expire at {@code expiration}; returns the infos moved. */
  List<SectorOnChainInfo> rescheduleSectorExpirations(
      IpldStore store,
      Sectors sectors,
      long expiration,
      PartitionSectorMap partitionSectors,
      long ssize,
      QuantSpec quant) {
    AdtArray partitionsArr = partitionsArray(store);
    List<Long> rescheduledPartitions = new ArrayList<>();
    List<SectorOnChainInfo> allReplaced = new ArrayList<>();
    for (Map.Entry<Long, BitField> e : partitionSectors.partitions.entrySet()) {
      long partIdx = e.getKey();
      Partition partition = partitionsArr.get(partIdx, Partition::decode);
      if (partition == null) {
        continue; // the sector is gone: nothing to reschedule
      }
      List<SectorOnChainInfo> replaced =
          partition.rescheduleExpirations(store, sectors, expiration, e.getValue(), ssize, quant);
      if (replaced.isEmpty()) {
        continue;
      }
      allReplaced.addAll(replaced);
      rescheduledPartitions.add(partIdx);
      partitionsArr.set(partIdx, partition);
    }
    if (!rescheduledPartitions.isEmpty()) {
      partitions = partitionsArr.flush();
      addExpirationPartitions(store, expiration, rescheduledPartitions, quant);
    }
    return allReplaced;
  }

  void validateState() {
    if (Long.compareUnsigned(liveSectors, totalSectors) > 0) {
      throw Errors.illegalState("Deadline left with more live sectors than total");
    }
    if (faultyPower.raw().signum() < 0 || faultyPower.qa().signum() < 0) {
      throw Errors.illegalState("Deadline left with negative faulty power");
    }
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(7);
    w.writeCid(partitions);
    w.writeCid(expirationsEpochs);
    BitFields.encode(w, postSubmissions);
    BitFields.encode(w, earlyTerminations);
    w.writeUint64(liveSectors);
    w.writeUint64(totalSectors);
    faultyPower.encode(w);
  }

  public static Deadline decode(CborReader r) throws CborException {
    r.readTupleHeader(7, "Deadline");
    return new Deadline(
        r.readCid(),
        r.readCid(),
        BitFields.decode(r),
        BitFields.decode(r),
        r.readUint64(),
        r.readUint64(),
        PowerPair.decode(r));
  }
}
