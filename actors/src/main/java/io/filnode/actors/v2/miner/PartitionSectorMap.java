package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sector numbers by partition index (miner.PartitionSectorMap), visited in increasing partition
 * order. (Before network version 9 Go visits them in map order; index order is one such order.)
 */
public final class PartitionSectorMap {
  final TreeMap<Long, BitField> partitions = new TreeMap<>(Long::compareUnsigned);

  void add(long partIdx, BitField sectorNos) {
    partitions.merge(partIdx, sectorNos, BitField::union);
  }

  /** Partition count and sector count. */
  long[] count() {
    long sectors = 0;
    for (BitField bf : partitions.values()) {
      long c = bf.count();
      if (Long.compareUnsigned(c, -1L - sectors) > 0) {
        throw Errors.illegalArgument("uint64 overflow when counting sectors");
      }
      sectors += c;
    }
    return new long[] {partitions.size(), sectors};
  }

  public Map<Long, BitField> entries() {
    return java.util.Collections.unmodifiableMap(partitions);
  }

  int length() {
    return partitions.size();
  }
}
