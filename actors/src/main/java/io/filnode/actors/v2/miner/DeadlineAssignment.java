package io.filnode.actors.v2.miner;

import java.util.ArrayList;
import java.util.List;

/**
 * Assigns new sectors to deadlines (miner deadline_assignment.go). Each sector goes to the deadline
 * that is first in Go's heap order; that order is total (the index breaks ties), so picking the
 * minimum each time gives the same assignment as Go's heap.
 */
final class DeadlineAssignment {
  private static final class Info {
    final int index;
    long liveSectors;
    long totalSectors;

    Info(int index, long liveSectors, long totalSectors) {
      this.index = index;
      this.liveSectors = liveSectors;
      this.totalSectors = totalSectors;
    }

    long partitionsAfterAssignment(long partitionSize) {
      long count = totalSectors + 1;
      long full = count / partitionSize;
      return count % partitionSize == 0 ? full : full + 1;
    }

    long compactPartitionsAfterAssignment(long partitionSize) {
      long count = liveSectors + 1;
      long full = count / partitionSize;
      return count % partitionSize == 0 ? full : full + 1;
    }

    boolean isFullNow(long partitionSize) {
      return totalSectors % partitionSize == 0;
    }

    boolean maxPartitionsReached(long partitionSize, long maxPartitions) {
      return totalSectors >= partitionSize * maxPartitions;
    }
  }

  private DeadlineAssignment() {}

  private static boolean less(Info a, Info b, long partitionSize, long maxPartitions) {
    boolean aMax = a.maxPartitionsReached(partitionSize, maxPartitions);
    boolean bMax = b.maxPartitionsReached(partitionSize, maxPartitions);
    if (aMax != bMax) {
      return !aMax;
    }
    long aCompact = a.compactPartitionsAfterAssignment(partitionSize);
    long bCompact = b.compactPartitionsAfterAssignment(partitionSize);
    if (aCompact != bCompact) {
      return aCompact < bCompact;
    }
    long aParts = a.partitionsAfterAssignment(partitionSize);
    long bParts = b.partitionsAfterAssignment(partitionSize);
    if (aParts != bParts) {
      return aParts < bParts;
    }
    boolean aFull = a.isFullNow(partitionSize);
    boolean bFull = b.isFullNow(partitionSize);
    if (aFull != bFull) {
      return !aFull;
    }
    if (!aFull && a.totalSectors != b.totalSectors) {
      return a.totalSectors > b.totalSectors;
    }
    if (a.liveSectors != b.liveSectors) {
      return a.liveSectors < b.liveSectors;
    }
    return a.index < b.index;
  }

  /**
   * The sectors for each deadline; {@code deadlines} has null for deadlines that cannot take
   * sectors now.
   */
  static List<List<SectorOnChainInfo>> assign(
      long maxPartitions,
      long partitionSize,
      Deadline[] deadlines,
      List<SectorOnChainInfo> sectors) {
    List<Info> infos = new ArrayList<>();
    for (int i = 0; i < deadlines.length; i++) {
      if (deadlines[i] != null) {
        infos.add(new Info(i, deadlines[i].liveSectors, deadlines[i].totalSectors));
      }
    }
    List<List<SectorOnChainInfo>> changes = new ArrayList<>();
    for (int i = 0; i < deadlines.length; i++) {
      changes.add(new ArrayList<>());
    }
    for (SectorOnChainInfo sector : sectors) {
      Info best = infos.get(0);
      for (Info info : infos) {
        if (less(info, best, partitionSize, maxPartitions)) {
          best = info;
        }
      }
      if (best.maxPartitionsReached(partitionSize, maxPartitions)) {
        throw Errors.illegalState(
            "maxPartitions limit %d reached for all deadlines", maxPartitions);
      }
      changes.get(best.index).add(sector);
      best.liveSectors++;
      best.totalSectors++;
    }
    return changes;
  }
}
