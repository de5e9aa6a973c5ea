package io.filnode.actors.v2.miner;

import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A partition's sector expirations: an AMT of {@link ExpirationSet} keyed by quantized epoch
 * (miner.ExpirationQueue). On-time sectors sit at their (quantized) expiration; faulty sectors are
 * also scheduled to expire early at their fault expiration.
 */
public final class ExpirationQueue {
  /** Sectors expiring at one epoch, with their total power and pledge. */
  private record SectorEpochSet(
      long epoch, List<Long> sectors, PowerPair power, TokenAmount pledge) {}

  /** A {@link SectorEpochSet} with the queue entry it was found in. */
  private record SectorExpirationSet(SectorEpochSet group, ExpirationSet expirationSet) {}

  /** A visitor that may mutate the set: returns whether it changed and whether to go on. */
  @FunctionalInterface
  private interface Mutator {
    /** Bit 0: changed; bit 1: keep going. */
    int visit(long epoch, ExpirationSet es);
  }

  private static final int CHANGED = 1;
  private static final int KEEP_GOING = 2;
  private static final long ENTRY_SECTORS_MAX = 10_000;

  private final AdtArray array;
  private final QuantSpec quant;

  private ExpirationQueue(AdtArray array, QuantSpec quant) {
    this.array = array;
    this.quant = quant;
  }

  public static ExpirationQueue load(IpldStore store, Cid root, QuantSpec quant) {
    return new ExpirationQueue(AdtArray.load(store, root, AmtOptions.v2()), quant);
  }

  public Cid flush() {
    return array.flush();
  }

  /** The result of adding or removing active sectors: their numbers, power and pledge. */
  public record SectorsChange(BitField sectors, PowerPair power, TokenAmount pledge) {}

  /** Adds new active sectors at their declared (quantized) expirations. */
  public SectorsChange addActiveSectors(List<SectorOnChainInfo> sectors, long ssize) {
    PowerPair totalPower = PowerPair.ZERO;
    TokenAmount totalPledge = TokenAmount.ZERO;
    List<BitField> totalSectors = new ArrayList<>();
    for (SectorEpochSet group : groupNewSectorsByDeclaredExpiration(ssize, sectors, quant)) {
      BitField snos = BitField.fromSet(group.sectors());
      add(group.epoch(), snos, BitField.empty(), group.power(), PowerPair.ZERO, group.pledge());
      totalSectors.add(snos);
      totalPower = totalPower.add(group.power());
      totalPledge = totalPledge.add(group.pledge());
    }
    return new SectorsChange(BitField.multiMerge(totalSectors), totalPower, totalPledge);
  }

  /** Moves active sectors to a new expiration epoch. */
  public void rescheduleExpirations(
      long newExpiration, List<SectorOnChainInfo> sectors, long ssize) {
    if (sectors.isEmpty()) {
      return;
    }
    SectorsChange removed = removeActiveSectors(sectors, ssize);
    add(
        newExpiration,
        removed.sectors(),
        BitField.empty(),
        removed.power(),
        PowerPair.ZERO,
        removed.pledge());
  }

  /**
   * Re-schedules sectors as faulty: those expiring before {@code newExpiration} stay on time with
   * their power marked faulty, the others move to expire early at {@code newExpiration}. Returns
   * the power that became faulty.
   */
  public PowerPair rescheduleAsFaults(
      long newExpiration, List<SectorOnChainInfo> sectors, long ssize) {
    List<Long> sectorsTotal = new ArrayList<>();
    PowerPair expiringPower = PowerPair.ZERO;
    PowerPair rescheduledPower = PowerPair.ZERO;
    for (SectorExpirationSet g : findSectorsByExpiration(ssize, sectors)) {
      SectorEpochSet group = g.group();
      ExpirationSet es = g.expirationSet();
      if (group.epoch() <= quant.quantizeUp(newExpiration)) {
        es.activePower = es.activePower.sub(group.power());
        es.faultyPower = es.faultyPower.add(group.power());
        expiringPower = expiringPower.add(group.power());
      } else {
        es.onTimeSectors = es.onTimeSectors.subtract(BitField.fromSet(group.sectors()));
        es.onTimePledge = es.onTimePledge.subtract(group.pledge());
        es.activePower = es.activePower.sub(group.power());
        sectorsTotal.addAll(group.sectors());
        rescheduledPower = rescheduledPower.add(group.power());
      }
      mustUpdateOrDelete(group.epoch(), es);
      es.validateState();
    }
    if (!sectorsTotal.isEmpty()) {
      add(
          newExpiration,
          BitField.empty(),
          BitField.fromSet(sectorsTotal),
          PowerPair.ZERO,
          rescheduledPower,
          TokenAmount.ZERO);
    }
    return rescheduledPower.add(expiringPower);
  }

  /** Re-schedules every sector as faulty (a missed PoSt). */
  public void rescheduleAllAsFaults(long faultExpiration) {
    List<Long> rescheduledEpochs = new ArrayList<>();
    List<BitField> rescheduledSectors = new ArrayList<>();
    PowerPair[] rescheduledPower = {PowerPair.ZERO};
    long qFault = quant.quantizeUp(faultExpiration);
    array.forEach(
        (epoch, raw) -> {
          ExpirationSet es = CborReader.decodeWhole(raw, "ExpirationSet", ExpirationSet::decode);
          if (epoch <= qFault) {
            es.faultyPower = es.faultyPower.add(es.activePower);
            es.activePower = PowerPair.ZERO;
            array.set(epoch, es);
          } else {
            rescheduledEpochs.add(epoch);
            if (!es.earlySectors.isEmpty()) {
              throw Errors.illegalState(
                  "attempted to re-schedule early expirations to an even earlier epoch");
            }
            rescheduledSectors.add(es.onTimeSectors);
            rescheduledPower[0] = rescheduledPower[0].add(es.activePower).add(es.faultyPower);
          }
          es.validateState();
        });
    if (rescheduledEpochs.isEmpty()) {
      return;
    }
    add(
        faultExpiration,
        BitField.empty(),
        BitField.multiMerge(rescheduledSectors),
        PowerPair.ZERO,
        rescheduledPower[0],
        TokenAmount.ZERO);
    batchDelete(rescheduledEpochs);
  }

  /**
   * Makes faulty sectors active again: on-time ones get their power back in place, early ones are
   * re-added at their declared expiration. Returns the recovered power.
   */
  public PowerPair rescheduleRecovered(List<SectorOnChainInfo> sectors, long ssize) {
    Set<Long> remaining = new HashSet<>();
    for (SectorOnChainInfo s : sectors) {
      remaining.add(s.sectorNumber());
    }
    List<SectorOnChainInfo> sectorsRescheduled = new ArrayList<>();
    PowerPair[] recovered = {PowerPair.ZERO};
    traverseMutate(
        (epoch, es) -> {
          boolean changed = false;
          BitField onTime = es.onTimeSectors;
          BitField early = es.earlySectors;
          checkEntrySize(onTime, early);
          for (SectorOnChainInfo sector : sectors) {
            long sno = sector.sectorNumber();
            PowerPair power = powerForSector(ssize, sector);
            boolean found = false;
            if (onTime.isSet(sno)) {
              found = true;
              es.faultyPower = es.faultyPower.sub(power);
              es.activePower = es.activePower.add(power);
            } else if (early.isSet(sno)) {
              found = true;
              es.earlySectors = BitFields.unset(es.earlySectors, sno);
              es.faultyPower = es.faultyPower.sub(power);
              sectorsRescheduled.add(sector);
            }
            if (found) {
              recovered[0] = recovered[0].add(power);
              remaining.remove(sno);
              changed = true;
            }
          }
          es.validateState();
          return (changed ? CHANGED : 0) | (remaining.isEmpty() ? 0 : KEEP_GOING);
        });
    if (!remaining.isEmpty()) {
      throw Errors.illegalState("sectors not found in expiration queue: %s", remaining);
    }
    addActiveSectors(sectorsRescheduled, ssize);
    return recovered[0];
  }

  /** The result of replacing sectors: removed and added numbers, power and pledge deltas. */
  public record Replacement(
      BitField oldSectors, BitField newSectors, PowerPair powerDelta, TokenAmount pledgeDelta) {}

  /** Removes active {@code oldSectors} and adds {@code newSectors}. */
  public Replacement replaceSectors(
      List<SectorOnChainInfo> oldSectors, List<SectorOnChainInfo> newSectors, long ssize) {
    SectorsChange removed = removeActiveSectors(oldSectors, ssize);
    SectorsChange added = addActiveSectors(newSectors, ssize);
    return new Replacement(
        removed.sectors(),
        added.sectors(),
        added.power().sub(removed.power()),
        added.pledge().subtract(removed.pledge()));
  }

  /** The result of {@link #removeSectors}: what was removed and the recovering power among it. */
  public record Removal(ExpirationSet removed, PowerPair recoveringPower) {}

  /**
   * Removes sectors wherever they are scheduled (terminations). Non-faulty sectors are found by
   * their declared expiration; faulty ones by walking the queue.
   */
  public Removal removeSectors(
      List<SectorOnChainInfo> sectors, BitField faults, BitField recovering, long ssize) {
    Set<Long> remaining = new HashSet<>();
    for (SectorOnChainInfo s : sectors) {
      remaining.add(s.sectorNumber());
    }
    checkAddressed(faults);
    checkAddressed(recovering);
    ExpirationSet removed = ExpirationSet.empty();
    PowerPair[] recoveringPower = {PowerPair.ZERO};
    List<SectorOnChainInfo> nonFaulty = new ArrayList<>();
    List<SectorOnChainInfo> faulty = new ArrayList<>();
    for (SectorOnChainInfo s : sectors) {
      if (faults.isSet(s.sectorNumber())) {
        faulty.add(s);
        continue;
      }
      nonFaulty.add(s);
      remaining.remove(s.sectorNumber());
    }
    SectorsChange onTime = removeActiveSectors(nonFaulty, ssize);
    removed.onTimeSectors = onTime.sectors();
    removed.activePower = onTime.power();
    removed.onTimePledge = onTime.pledge();

    traverseMutate(
        (epoch, es) -> {
          boolean changed = false;
          BitField onTimeSet = es.onTimeSectors;
          BitField earlySet = es.earlySectors;
          checkEntrySize(onTimeSet, earlySet);
          for (SectorOnChainInfo sector : faulty) {
            long sno = sector.sectorNumber();
            boolean found = false;
            if (onTimeSet.isSet(sno)) {
              found = true;
              es.onTimeSectors = BitFields.unset(es.onTimeSectors, sno);
              removed.onTimeSectors = BitFields.set(removed.onTimeSectors, sno);
              es.onTimePledge = es.onTimePledge.subtract(sector.initialPledge());
              removed.onTimePledge = removed.onTimePledge.add(sector.initialPledge());
            } else if (earlySet.isSet(sno)) {
              found = true;
              es.earlySectors = BitFields.unset(es.earlySectors, sno);
              removed.earlySectors = BitFields.set(removed.earlySectors, sno);
            }
            if (found) {
              PowerPair power = powerForSector(ssize, sector);
              if (faults.isSet(sno)) {
                es.faultyPower = es.faultyPower.sub(power);
                removed.faultyPower = removed.faultyPower.add(power);
              } else {
                es.activePower = es.activePower.sub(power);
                removed.activePower = removed.activePower.add(power);
              }
              if (recovering.isSet(sno)) {
                recoveringPower[0] = recoveringPower[0].add(power);
              }
              remaining.remove(sno);
              changed = true;
            }
          }
          es.validateState();
          return (changed ? CHANGED : 0) | (remaining.isEmpty() ? 0 : KEEP_GOING);
        });
    if (!remaining.isEmpty()) {
      throw Errors.illegalState("sectors not found in expiration queue: %s", remaining);
    }
    return new Removal(removed, recoveringPower[0]);
  }

  /** Removes and merges every entry at or before {@code until}. */
  public ExpirationSet popUntil(long until) {
    List<BitField> onTime = new ArrayList<>();
    List<BitField> early = new ArrayList<>();
    PowerPair[] active = {PowerPair.ZERO};
    PowerPair[] faulty = {PowerPair.ZERO};
    TokenAmount[] pledge = {TokenAmount.ZERO};
    List<Long> poppedKeys = new ArrayList<>();
    try {
      array.forEach(
          (i, raw) -> {
            if (i > until) {
              throw new StopIteration();
            }
            ExpirationSet es = CborReader.decodeWhole(raw, "ExpirationSet", ExpirationSet::decode);
            poppedKeys.add(i);
            onTime.add(es.onTimeSectors);
            early.add(es.earlySectors);
            active[0] = active[0].add(es.activePower);
            faulty[0] = faulty[0].add(es.faultyPower);
            pledge[0] = pledge[0].add(es.onTimePledge);
          });
    } catch (StopIteration stop) {
      // reached the first later epoch
    }
    batchDelete(poppedKeys);
    return new ExpirationSet(
        BitField.multiMerge(onTime), BitField.multiMerge(early), pledge[0], active[0], faulty[0]);
  }

  private void add(
      long rawEpoch,
      BitField onTime,
      BitField early,
      PowerPair active,
      PowerPair faulty,
      TokenAmount pledge) {
    long epoch = quant.quantizeUp(rawEpoch);
    ExpirationSet es = mayGet(epoch);
    es.add(onTime, early, pledge, active, faulty);
    array.set(epoch, es);
  }

  private void remove(
      long rawEpoch,
      BitField onTime,
      BitField early,
      PowerPair active,
      PowerPair faulty,
      TokenAmount pledge) {
    long epoch = quant.quantizeUp(rawEpoch);
    ExpirationSet es = array.get(epoch, ExpirationSet::decode);
    if (es == null) {
      throw Errors.illegalState("missing expected expiration set at epoch %d", epoch);
    }
    es.remove(onTime, early, pledge, active, faulty);
    mustUpdateOrDelete(epoch, es);
  }

  private SectorsChange removeActiveSectors(List<SectorOnChainInfo> sectors, long ssize) {
    List<Long> removedSnos = new ArrayList<>();
    PowerPair removedPower = PowerPair.ZERO;
    TokenAmount removedPledge = TokenAmount.ZERO;
    for (SectorExpirationSet g : findSectorsByExpiration(ssize, sectors)) {
      SectorEpochSet group = g.group();
      remove(
          group.epoch(),
          BitField.fromSet(group.sectors()),
          BitField.empty(),
          group.power(),
          PowerPair.ZERO,
          group.pledge());
      removedSnos.addAll(group.sectors());
      removedPower = removedPower.add(group.power());
      removedPledge = removedPledge.add(group.pledge());
    }
    return new SectorsChange(BitField.fromSet(removedSnos), removedPower, removedPledge);
  }

  /** Walks the queue in epoch order; emptied entries are deleted at the end, changed ones set. */
  private void traverseMutate(Mutator f) {
    List<Long> epochsEmptied = new ArrayList<>();
    try {
      array.forEach(
          (epoch, raw) -> {
            ExpirationSet es = CborReader.decodeWhole(raw, "ExpirationSet", ExpirationSet::decode);
            int r = f.visit(epoch, es);
            if ((r & CHANGED) != 0) {
              if (es.isEmpty()) {
                epochsEmptied.add(epoch);
              } else {
                array.set(epoch, es);
              }
            }
            if ((r & KEEP_GOING) == 0) {
              throw new StopIteration();
            }
          });
    } catch (StopIteration stop) {
      // the visitor asked to stop
    }
    batchDelete(epochsEmptied);
  }

  private ExpirationSet mayGet(long key) {
    ExpirationSet es = array.get(key, ExpirationSet::decode);
    return es == null ? ExpirationSet.empty() : es;
  }

  private void mustUpdateOrDelete(long epoch, ExpirationSet es) {
    if (es.isEmpty()) {
      if (!array.delete(epoch)) {
        throw Errors.illegalState("failed to delete queue epoch %d: not found", epoch);
      }
    } else {
      array.set(epoch, es);
    }
  }

  private void batchDelete(List<Long> keys) {
    array.batchDelete(keys.stream().mapToLong(Long::longValue).toArray(), true);
  }

  /** Go expands entries with AllMap(10000), which fails for larger sets. */
  private static void checkEntrySize(BitField onTime, BitField early) {
    if (onTime.count() > ENTRY_SECTORS_MAX || early.count() > ENTRY_SECTORS_MAX) {
      throw Errors.illegalState("expiration set has too many sectors to expand");
    }
  }

  private static void checkAddressed(BitField bf) {
    if (bf.count() > Policy.ADDRESSED_SECTORS_MAX) {
      throw Errors.illegalState("too many sectors to expand: %d", bf.count());
    }
  }

  static PowerPair powerForSector(long ssize, SectorOnChainInfo sector) {
    return new PowerPair(Policy.unsigned(ssize), Policy.qaPowerForSector(ssize, sector));
  }

  static PowerPair powerForSectors(long ssize, List<SectorOnChainInfo> sectors) {
    java.math.BigInteger qa = java.math.BigInteger.ZERO;
    for (SectorOnChainInfo s : sectors) {
      qa = qa.add(Policy.qaPowerForSector(ssize, s));
    }
    return new PowerPair(
        Policy.unsigned(ssize).multiply(java.math.BigInteger.valueOf(sectors.size())), qa);
  }

  private static List<SectorEpochSet> groupNewSectorsByDeclaredExpiration(
      long ssize, List<SectorOnChainInfo> sectors, QuantSpec quant) {
    Map<Long, List<SectorOnChainInfo>> byExpiration = new TreeMap<>();
    for (SectorOnChainInfo s : sectors) {
      byExpiration.computeIfAbsent(quant.quantizeUp(s.expiration()), k -> new ArrayList<>()).add(s);
    }
    List<SectorEpochSet> sets = new ArrayList<>();
    for (Map.Entry<Long, List<SectorOnChainInfo>> e : byExpiration.entrySet()) {
      List<Long> numbers = new ArrayList<>();
      PowerPair power = PowerPair.ZERO;
      TokenAmount pledge = TokenAmount.ZERO;
      for (SectorOnChainInfo s : e.getValue()) {
        numbers.add(s.sectorNumber());
        power = power.add(powerForSector(ssize, s));
        pledge = pledge.add(s.initialPledge());
      }
      sets.add(new SectorEpochSet(e.getKey(), numbers, power, pledge));
    }
    return sets;
  }

  /**
   * Groups sectors by the queue entry that holds them on time: first at their declared expirations,
   * then by walking the queue for the rest (sectors rescheduled by a replacement).
   */
  private List<SectorExpirationSet> findSectorsByExpiration(
      long ssize, List<SectorOnChainInfo> sectors) {
    Set<Long> declaredExpirations = new LinkedHashSet<>();
    Map<Long, SectorOnChainInfo> byNumber = new HashMap<>();
    Set<Long> allRemaining = new HashSet<>();
    for (SectorOnChainInfo s : sectors) {
      declaredExpirations.add(quant.quantizeUp(s.expiration()));
      allRemaining.add(s.sectorNumber());
      byNumber.put(s.sectorNumber(), s);
    }
    List<SectorExpirationSet> groups = new ArrayList<>();
    for (long expiration : declaredExpirations) {
      ExpirationSet es = mayGet(expiration);
      SectorExpirationSet group = groupExpirationSet(ssize, byNumber, allRemaining, es, expiration);
      if (!group.group().sectors().isEmpty()) {
        groups.add(group);
      }
    }
    if (!allRemaining.isEmpty()) {
      // Go decodes every entry of this walk into one struct and the groups keep a pointer to it,
      // so they all share the last entry decoded; later mutations through the groups see that.
      ExpirationSet shared = ExpirationSet.empty();
      traverseMutate(
          (epoch, decoded) -> {
            shared.copyFrom(decoded);
            ExpirationSet es = shared;
            if (declaredExpirations.contains(epoch)) {
              return KEEP_GOING;
            }
            es.earlySectors.forEach(
                u -> {
                  if (allRemaining.contains(u)) {
                    throw Errors.illegalState(
                        "Invalid attempt to group sector %d with an early expiration", u);
                  }
                });
            SectorExpirationSet group =
                groupExpirationSet(ssize, byNumber, allRemaining, es, epoch);
            if (!group.group().sectors().isEmpty()) {
              groups.add(group);
            }
            return allRemaining.isEmpty() ? 0 : KEEP_GOING;
          });
    }
    if (!allRemaining.isEmpty()) {
      throw Errors.illegalState("some sectors not found in expiration queue");
    }
    groups.sort(Comparator.comparingLong(g -> g.group().epoch()));
    return groups;
  }

  private static SectorExpirationSet groupExpirationSet(
      long ssize,
      Map<Long, SectorOnChainInfo> sectors,
      Set<Long> includeSet,
      ExpirationSet es,
      long expiration) {
    List<Long> numbers = new ArrayList<>();
    PowerPair[] power = {PowerPair.ZERO};
    TokenAmount[] pledge = {TokenAmount.ZERO};
    es.onTimeSectors.forEach(
        u -> {
          if (includeSet.remove(u)) {
            SectorOnChainInfo s = sectors.get(u);
            numbers.add(u);
            power[0] = power[0].add(powerForSector(ssize, s));
            pledge[0] = pledge[0].add(s.initialPledge());
          }
        });
    return new SectorExpirationSet(
        new SectorEpochSet(expiration, numbers, power[0], pledge[0]), es);
  }
}
