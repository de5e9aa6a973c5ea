package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import java.util.Map;
import java.util.TreeMap;

/** Sector numbers by deadline and partition (miner.DeadlineSectorMap), in index order. */
public final class DeadlineSectorMap {
  final TreeMap<Long, PartitionSectorMap> deadlines = new TreeMap<>(Long::compareUnsigned);

  /** Adds sectors; an invalid deadline index is {@code ErrIllegalArgument}. */
  void add(long dlIdx, long partIdx, BitField sectorNos) {
    if (Long.compareUnsigned(dlIdx, Policy.WPOST_PERIOD_DEADLINES) >= 0) {
      throw Errors.illegalArgument("invalid deadline %d", dlIdx);
    }
    deadlines.computeIfAbsent(dlIdx, k -> new PartitionSectorMap()).add(partIdx, sectorNos);
  }

  /** Checks the totals against the limits ({@code ErrIllegalArgument} when exceeded). */
  void check(long maxPartitions, long maxSectors) {
    long partitions = 0;
    long sectors = 0;
    for (PartitionSectorMap pm : deadlines.values()) {
      long[] c = pm.count();
      if (Long.compareUnsigned(c[0], -1L - partitions) > 0
          || Long.compareUnsigned(c[1], -1L - sectors) > 0) {
        throw Errors.illegalArgument("uint64 overflow when counting");
      }
      partitions += c[0];
      sectors += c[1];
    }
    if (Long.compareUnsigned(partitions, maxPartitions) > 0) {
      throw Errors.illegalArgument("too many partitions %d, max %d", partitions, maxPartitions);
    }
    if (Long.compareUnsigned(sectors, maxSectors) > 0) {
      throw Errors.illegalArgument("too many sectors %d, max %d", sectors, maxSectors);
    }
  }

  public Map<Long, PartitionSectorMap> entries() {
    return java.util.Collections.unmodifiableMap(deadlines);
  }
}
