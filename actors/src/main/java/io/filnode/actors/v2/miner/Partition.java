package io.filnode.actors.v2.miner;

import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of sectors proven together in one Window PoSt (miner.Partition), a tuple of 11. Mutable:
 * its methods update the bitfields, power totals and the roots of its two queues.
 */
public final class Partition implements CborEncodable {
  BitField sectors;
  BitField unproven;
  BitField faults;
  BitField recoveries;
  BitField terminated;
  Cid expirationsEpochs; // AMT[ChainEpoch]ExpirationSet
  Cid earlyTerminated; // AMT[ChainEpoch]BitField
  PowerPair livePower;
  PowerPair unprovenPower;
  PowerPair faultyPower;
  PowerPair recoveringPower;

  @SuppressWarnings("TooManyParameters") // mirrors the Go struct
  Partition(
      BitField sectors,
      BitField unproven,
      BitField faults,
      BitField recoveries,
      BitField terminated,
      Cid expirationsEpochs,
      Cid earlyTerminated,
      PowerPair livePower,
      PowerPair unprovenPower,
      PowerPair faultyPower,
      PowerPair recoveringPower) {
    this.sectors = sectors;
    this.unproven = unproven;
    this.faults = faults;
    this.recoveries = recoveries;
    this.terminated = terminated;
    this.expirationsEpochs = expirationsEpochs;
    this.earlyTerminated = earlyTerminated;
    this.livePower = livePower;
    this.unprovenPower = unprovenPower;
    this.faultyPower = faultyPower;
    this.recoveringPower = recoveringPower;
  }

  /** An empty partition whose queues are the given empty AMT. */
  public static Partition construct(Cid emptyArray) {
    BitField e = BitField.empty();
    return new Partition(
        e,
        e,
        e,
        e,
        e,
        emptyArray,
        emptyArray,
        PowerPair.ZERO,
        PowerPair.ZERO,
        PowerPair.ZERO,
        PowerPair.ZERO);
  }

  public BitField sectors() {
    return sectors;
  }

  public BitField unproven() {
    return unproven;
  }

  public BitField faults() {
    return faults;
  }

  public BitField recoveries() {
    return recoveries;
  }

  public BitField terminated() {
    return terminated;
  }

  public Cid expirationsEpochs() {
    return expirationsEpochs;
  }

  public Cid earlyTerminated() {
    return earlyTerminated;
  }

  public PowerPair livePower() {
    return livePower;
  }

  public PowerPair unprovenPower() {
    return unprovenPower;
  }

  public PowerPair faultyPower() {
    return faultyPower;
  }

  public PowerPair recoveringPower() {
    return recoveringPower;
  }

  /** Sectors not terminated. */
  public BitField liveSectors() {
    return sectors.subtract(terminated);
  }

  /** Live sectors that are neither faulty nor unproven. */
  public BitField activeSectors() {
    return liveSectors().subtract(faults).subtract(unproven);
  }

  public PowerPair activePower() {
    return livePower.sub(faultyPower).sub(unprovenPower);
  }

  /**
   * Adds new sectors, proven or not yet; returns the power that becomes active now (zero for
   * unproven sectors).
   */
  public PowerPair addSectors(
      IpldStore store,
      boolean proven,
      List<SectorOnChainInfo> newSectors,
      long ssize,
      QuantSpec quant) {
    ExpirationQueue expirations = ExpirationQueue.load(store, expirationsEpochs, quant);
    ExpirationQueue.SectorsChange added = expirations.addActiveSectors(newSectors, ssize);
    expirationsEpochs = expirations.flush();
    if (BitFields.containsAny(sectors, added.sectors())) {
      throw Errors.illegalState("not all added sectors are new");
    }
    sectors = sectors.union(added.sectors());
    livePower = livePower.add(added.power());
    PowerPair provenPower = added.power();
    if (!proven) {
      unprovenPower = unprovenPower.add(added.power());
      unproven = unproven.union(added.sectors());
      provenPower = PowerPair.ZERO;
    }
    validateState();
    return provenPower;
  }

  /** The power changes of {@link #addFaults}. */
  record FaultChange(PowerPair powerDelta, PowerPair newFaultyPower) {}

  private FaultChange addFaults(
      IpldStore store,
      BitField sectorNos,
      List<SectorOnChainInfo> faultSectors,
      long faultExpiration,
      long ssize,
      QuantSpec quant) {
    ExpirationQueue queue = ExpirationQueue.load(store, expirationsEpochs, quant);
    PowerPair newFaultyPower = queue.rescheduleAsFaults(faultExpiration, faultSectors, ssize);
    expirationsEpochs = queue.flush();
    faults = faults.union(sectorNos);
    faultyPower = faultyPower.add(newFaultyPower);
    BitField unprovenFaults = sectorNos.intersect(unproven);
    unproven = unproven.subtract(unprovenFaults);
    PowerPair powerDelta = newFaultyPower.neg();
    List<SectorOnChainInfo> unprovenInfos = Sectors.select(faultSectors, unprovenFaults);
    if (!unprovenInfos.isEmpty()) {
      PowerPair lostUnprovenPower = ExpirationQueue.powerForSectors(ssize, unprovenInfos);
      unprovenPower = unprovenPower.sub(lostUnprovenPower);
      powerDelta = powerDelta.add(lostUnprovenPower);
    }
    validateState();
    return new FaultChange(powerDelta, newFaultyPower);
  }

  /** The outcome of {@link #declareFaults}. */
  record DeclaredFaults(BitField newFaults, PowerPair powerDelta, PowerPair newFaultyPower) {}

  /** Declares sectors faulty, retracting any pending recoveries among them. */
  DeclaredFaults declareFaults(
      IpldStore store,
      Sectors sectorsArr,
      BitField sectorNos,
      long faultExpirationEpoch,
      long ssize,
      QuantSpec quant) {
    validateContainsSectors(sectorNos);
    BitField retractedRecoveries = recoveries.intersect(sectorNos);
    BitField newFaults =
        sectorNos.subtract(retractedRecoveries).subtract(terminated).subtract(faults);
    PowerPair newFaultyPower = PowerPair.ZERO;
    PowerPair powerDelta = PowerPair.ZERO;
    List<SectorOnChainInfo> newFaultSectors = sectorsArr.load(newFaults);
    if (!newFaultSectors.isEmpty()) {
      FaultChange change =
          addFaults(store, newFaults, newFaultSectors, faultExpirationEpoch, ssize, quant);
      powerDelta = change.powerDelta();
      newFaultyPower = change.newFaultyPower();
    }
    List<SectorOnChainInfo> retracted = sectorsArr.load(retractedRecoveries);
    if (!retracted.isEmpty()) {
      removeRecoveries(retractedRecoveries, ExpirationQueue.powerForSectors(ssize, retracted));
    }
    validateState();
    return new DeclaredFaults(newFaults, powerDelta, newFaultyPower);
  }

  /** Makes the declared recoveries active again; returns the recovered power. */
  PowerPair recoverFaults(IpldStore store, Sectors sectorsArr, long ssize, QuantSpec quant) {
    List<SectorOnChainInfo> recovered = sectorsArr.load(recoveries);
    ExpirationQueue queue = ExpirationQueue.load(store, expirationsEpochs, quant);
    PowerPair power = queue.rescheduleRecovered(recovered, ssize);
    expirationsEpochs = queue.flush();
    faults = faults.subtract(recoveries);
    recoveries = BitField.empty();
    faultyPower = faultyPower.sub(power);
    recoveringPower = recoveringPower.sub(power);
    validateState();
    return power;
  }

  /** Marks every unproven sector proven; returns their power. */
  PowerPair activateUnproven() {
    PowerPair newPower = unprovenPower;
    unprovenPower = PowerPair.ZERO;
    unproven = BitField.empty();
    return newPower;
  }

  /** Declares faulty sectors as recovering (effective at the next PoSt). */
  void declareFaultsRecovered(Sectors sectorsArr, long ssize, BitField sectorNos) {
    validateContainsSectors(sectorNos);
    BitField newRecoveries = sectorNos.intersect(faults).subtract(recoveries);
    List<SectorOnChainInfo> recoverySectors = sectorsArr.load(newRecoveries);
    recoveries = recoveries.union(newRecoveries);
    recoveringPower = recoveringPower.add(ExpirationQueue.powerForSectors(ssize, recoverySectors));
    validateState();
  }

  private void removeRecoveries(BitField sectorNos, PowerPair power) {
    if (sectorNos.isEmpty()) {
      return;
    }
    recoveries = recoveries.subtract(sectorNos);
    recoveringPower = recoveringPower.sub(power);
  }

  /**
   * Moves the active (not faulty, not terminated) sectors among {@code sectorNos} to expire at
   * {@code newExpiration}; returns their infos.
   */
  List<SectorOnChainInfo> rescheduleExpirations(
      IpldStore store,
      Sectors sectorsArr,
      long newExpiration,
      BitField sectorNos,
      long ssize,
      QuantSpec quant) {
    BitField active = sectorNos.intersect(sectors).subtract(terminated).subtract(faults);
    List<SectorOnChainInfo> infos = sectorsArr.load(active);
    ExpirationQueue expirations = ExpirationQueue.load(store, expirationsEpochs, quant);
    expirations.rescheduleExpirations(newExpiration, infos, ssize);
    expirationsEpochs = expirations.flush();
    validateState();
    return infos;
  }

  /** The power and pledge changes of {@link #replaceSectors}. */
  record ReplaceChange(PowerPair powerDelta, io.filnode.chain.types.TokenAmount pledgeDelta) {}

  /** Replaces active sectors with new infos (an expiration extension). */
  ReplaceChange replaceSectors(
      IpldStore store,
      List<SectorOnChainInfo> oldSectors,
      List<SectorOnChainInfo> newSectors,
      long ssize,
      QuantSpec quant) {
    ExpirationQueue expirations = ExpirationQueue.load(store, expirationsEpochs, quant);
    ExpirationQueue.Replacement r = expirations.replaceSectors(oldSectors, newSectors, ssize);
    expirationsEpochs = expirations.flush();
    BitField active = activeSectors();
    if (!BitFields.containsAll(active, r.oldSectors())) {
      throw Errors.illegalState("refusing to replace inactive sectors in %s", r.oldSectors());
    }
    sectors = sectors.subtract(r.oldSectors()).union(r.newSectors());
    livePower = livePower.add(r.powerDelta());
    validateState();
    return new ReplaceChange(r.powerDelta(), r.pledgeDelta());
  }

  private void recordEarlyTermination(IpldStore store, long epoch, BitField sectorNos) {
    BitfieldQueue q = BitfieldQueue.load(store, earlyTerminated, QuantSpec.NO_QUANTIZATION);
    q.addToQueue(epoch, sectorNos);
    earlyTerminated = q.flush();
  }

  /**
   * Terminates live sectors at {@code epoch}, recording them as early terminations; returns what
   * was removed from the expiration queue (with unproven power taken out of its active power).
   */
  ExpirationSet terminateSectors(
      IpldStore store,
      Sectors sectorsArr,
      long epoch,
      BitField sectorNos,
      long ssize,
      QuantSpec quant) {
    if (!BitFields.containsAll(liveSectors(), sectorNos)) {
      throw Errors.illegalArgument("can only terminate live sectors");
    }
    List<SectorOnChainInfo> infos = sectorsArr.load(sectorNos);
    ExpirationQueue expirations = ExpirationQueue.load(store, expirationsEpochs, quant);
    ExpirationQueue.Removal removal = expirations.removeSectors(infos, faults, recoveries, ssize);
    expirationsEpochs = expirations.flush();
    ExpirationSet removed = removal.removed();
    BitField removedSectors = removed.onTimeSectors.union(removed.earlySectors);
    recordEarlyTermination(store, epoch, removedSectors);
    BitField unprovenNos = removedSectors.intersect(unproven);
    faults = faults.subtract(removedSectors);
    recoveries = recoveries.subtract(removedSectors);
    terminated = terminated.union(removedSectors);
    unproven = unproven.subtract(unprovenNos);
    livePower = livePower.sub(removed.activePower).sub(removed.faultyPower);
    faultyPower = faultyPower.sub(removed.faultyPower);
    recoveringPower = recoveringPower.sub(removal.recoveringPower());
    PowerPair removedUnprovenPower =
        ExpirationQueue.powerForSectors(ssize, Sectors.select(infos, unprovenNos));
    unprovenPower = unprovenPower.sub(removedUnprovenPower);
    removed.activePower = removed.activePower.sub(removedUnprovenPower);
    validateState();
    return removed;
  }

  /** Pops the sectors expiring at or before {@code until} and marks them terminated. */
  ExpirationSet popExpiredSectors(IpldStore store, long until, QuantSpec quant) {
    if (!unproven.isEmpty()) {
      throw Errors.illegalState(
          "cannot pop expired sectors from a partition with unproven sectors");
    }
    ExpirationQueue expirations = ExpirationQueue.load(store, expirationsEpochs, quant);
    ExpirationSet popped = expirations.popUntil(until);
    expirationsEpochs = expirations.flush();
    BitField expired = popped.onTimeSectors.union(popped.earlySectors);
    if (!recoveries.isEmpty()) {
      throw Errors.illegalState("unexpected recoveries while processing expirations");
    }
    if (!recoveringPower.isZero()) {
      throw Errors.illegalState("unexpected recovering power while processing expirations");
    }
    if (BitFields.containsAny(terminated, expired)) {
      throw Errors.illegalState("expiring sectors already terminated");
    }
    terminated = terminated.union(expired);
    faults = faults.subtract(expired);
    livePower = livePower.sub(popped.activePower.add(popped.faultyPower));
    faultyPower = faultyPower.sub(popped.faultyPower);
    recordEarlyTermination(store, until, popped.earlySectors);
    validateState();
    return popped;
  }

  /** The power changes of a missed PoSt. */
  record MissedPost(PowerPair powerDelta, PowerPair penalizedPower, PowerPair newFaultyPower) {}

  /** Marks every live sector faulty after a missed PoSt. */
  MissedPost recordMissedPost(IpldStore store, long faultExpiration, QuantSpec quant) {
    ExpirationQueue queue = ExpirationQueue.load(store, expirationsEpochs, quant);
    queue.rescheduleAllAsFaults(faultExpiration);
    expirationsEpochs = queue.flush();
    PowerPair newFaultyPower = livePower.sub(faultyPower);
    PowerPair penalizedPower = recoveringPower.add(newFaultyPower);
    PowerPair powerDelta = newFaultyPower.sub(unprovenPower).neg();
    faults = liveSectors();
    recoveries = BitField.empty();
    unproven = BitField.empty();
    faultyPower = livePower;
    recoveringPower = PowerPair.ZERO;
    unprovenPower = PowerPair.ZERO;
    validateState();
    return new MissedPost(powerDelta, penalizedPower, newFaultyPower);
  }

  /** The early terminations popped from this partition, and whether some remain. */
  record PoppedTerminations(TerminationResult result, boolean hasMore) {}

  /** Pops up to {@code maxSectors} early-terminated sectors. */
  PoppedTerminations popEarlyTerminations(IpldStore store, long maxSectors) {
    BitfieldQueue q = BitfieldQueue.load(store, earlyTerminated, QuantSpec.NO_QUANTIZATION);
    List<Long> processed = new ArrayList<>();
    TerminationResult result = new TerminationResult();
    result.partitionsProcessed = 1;
    BitField[] remainingSectors = {null};
    long[] remainingEpoch = {0};
    try {
      q.forEach(
          (epoch, bf) -> {
            BitField toProcess = bf;
            long count = bf.count();
            long limit = maxSectors - result.sectorsProcessed;
            if (Long.compareUnsigned(limit, count) < 0) {
              toProcess = slice(bf, limit);
              remainingSectors[0] = bf.subtract(toProcess);
              remainingEpoch[0] = epoch;
              result.sectorsProcessed += limit;
            } else {
              processed.add(epoch);
              result.sectorsProcessed += count;
            }
            result.sectors.put(epoch, toProcess);
            if (Long.compareUnsigned(result.sectorsProcessed, maxSectors) >= 0) {
              throw new StopIteration();
            }
          });
    } catch (StopIteration stop) {
      // reached the limit
    }
    q.batchDelete(processed);
    if (remainingSectors[0] != null) {
      q.set(remainingEpoch[0], remainingSectors[0]);
    }
    earlyTerminated = q.flush();
    validateState();
    return new PoppedTerminations(result, q.length() > 0);
  }

  private static BitField slice(BitField bf, long count) {
    try {
      return bf.slice(0, count);
    } catch (io.filnode.chain.bitfield.BitFieldException e) {
      throw Errors.illegalState("failed to slice early terminations: %s", e.getMessage());
    }
  }

  /** The changes of {@link #recordSkippedFaults}. */
  record SkippedFaults(
      PowerPair powerDelta,
      PowerPair newFaultPower,
      PowerPair retractedRecoveryPower,
      boolean hasNewFaults) {}

  /** Records sectors a PoSt skipped as faulty. */
  SkippedFaults recordSkippedFaults(
      IpldStore store,
      Sectors sectorsArr,
      long ssize,
      QuantSpec quant,
      long faultExpiration,
      BitField skipped) {
    if (skipped.isEmpty()) {
      return new SkippedFaults(PowerPair.ZERO, PowerPair.ZERO, PowerPair.ZERO, false);
    }
    if (!BitFields.containsAll(sectors, skipped)) {
      throw Errors.illegalArgument("skipped faults contains sectors outside partition");
    }
    BitField retractedRecoveries = recoveries.intersect(skipped);
    List<SectorOnChainInfo> retractedSectors = sectorsArr.load(retractedRecoveries);
    PowerPair retractedRecoveryPower = ExpirationQueue.powerForSectors(ssize, retractedSectors);
    BitField newFaults = skipped.subtract(terminated).subtract(faults);
    List<SectorOnChainInfo> newFaultSectors = sectorsArr.load(newFaults);
    FaultChange change =
        addFaults(store, newFaults, newFaultSectors, faultExpiration, ssize, quant);
    removeRecoveries(retractedRecoveries, retractedRecoveryPower);
    validateState();
    return new SkippedFaults(
        change.powerDelta(),
        change.newFaultyPower(),
        retractedRecoveryPower,
        !newFaultSectors.isEmpty());
  }

  private void validateContainsSectors(BitField sectorNos) {
    if (!BitFields.containsAll(sectors, sectorNos)) {
      throw Errors.illegalArgument(
          "failed fault declaration: not all sectors are assigned to the partition");
    }
  }

  void validatePowerState() {
    if (livePower.raw().signum() < 0 || livePower.qa().signum() < 0) {
      throw Errors.illegalState("Partition left with negative live power");
    }
    if (unprovenPower.raw().signum() < 0 || unprovenPower.qa().signum() < 0) {
      throw Errors.illegalState("Partition left with negative unproven power");
    }
    if (faultyPower.raw().signum() < 0 || faultyPower.qa().signum() < 0) {
      throw Errors.illegalState("Partition left with negative faulty power");
    }
    if (recoveringPower.raw().signum() < 0 || recoveringPower.qa().signum() < 0) {
      throw Errors.illegalState("Partition left with negative recovering power");
    }
    if (unprovenPower.raw().compareTo(livePower.raw()) > 0) {
      throw Errors.illegalState("Partition left with invalid unproven power");
    }
    if (faultyPower.raw().compareTo(livePower.raw()) > 0) {
      throw Errors.illegalState("Partition left with invalid faulty power");
    }
    if (recoveringPower.raw().compareTo(livePower.raw()) > 0
        || recoveringPower.raw().compareTo(faultyPower.raw()) > 0) {
      throw Errors.illegalState("Partition left with invalid recovering power");
    }
  }

  void validateBfState() {
    BitField merge = unproven.union(faults);
    if (BitFields.containsAny(terminated, merge)) {
      throw Errors.illegalState("Partition left with terminated sectors in multiple states");
    }
    merge = merge.union(terminated);
    if (!BitFields.containsAll(sectors, merge)) {
      throw Errors.illegalState("Partition left with invalid sector state");
    }
    if (!BitFields.containsAll(faults, recoveries)) {
      throw Errors.illegalState("Partition left with invalid recovery state");
    }
  }

  void validateState() {
    validatePowerState();
    validateBfState();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(11);
    BitFields.encode(w, sectors);
    BitFields.encode(w, unproven);
    BitFields.encode(w, faults);
    BitFields.encode(w, recoveries);
    BitFields.encode(w, terminated);
    w.writeCid(expirationsEpochs);
    w.writeCid(earlyTerminated);
    livePower.encode(w);
    unprovenPower.encode(w);
    faultyPower.encode(w);
    recoveringPower.encode(w);
  }

  public static Partition decode(CborReader r) throws CborException {
    r.readTupleHeader(11, "Partition");
    return new Partition(
        BitFields.decode(r),
        BitFields.decode(r),
        BitFields.decode(r),
        BitFields.decode(r),
        BitFields.decode(r),
        r.readCid(),
        r.readCid(),
        PowerPair.decode(r),
        PowerPair.decode(r),
        PowerPair.decode(r),
        PowerPair.decode(r));
  }

  /** An empty AMT's root, flushed to the store (adt.MakeEmptyArray(store).Root()). */
  static Cid emptyArray(IpldStore store) {
    return AdtArray.create(store, AmtOptions.v2()).flush();
  }
}
