package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import java.util.Map;
import java.util.TreeMap;

/** Early terminations popped for processing: sectors by termination epoch, and counts. Mutable. */
public final class TerminationResult {
  final TreeMap<Long, BitField> sectors = new TreeMap<>();
  long partitionsProcessed;
  long sectorsProcessed;

  void add(TerminationResult other) {
    partitionsProcessed += other.partitionsProcessed;
    sectorsProcessed += other.sectorsProcessed;
    for (Map.Entry<Long, BitField> e : other.sectors.entrySet()) {
      sectors.merge(e.getKey(), e.getValue(), BitField::union);
    }
  }

  boolean belowLimit(long maxPartitions, long maxSectors) {
    return Long.compareUnsigned(partitionsProcessed, maxPartitions) < 0
        && Long.compareUnsigned(sectorsProcessed, maxSectors) < 0;
  }

  public boolean isEmpty() {
    return sectorsProcessed == 0;
  }

  /** Sectors by termination epoch, in epoch order. */
  public Map<Long, BitField> sectors() {
    return java.util.Collections.unmodifiableMap(sectors);
  }

  public long partitionsProcessed() {
    return partitionsProcessed;
  }

  public long sectorsProcessed() {
    return sectorsProcessed;
  }
}
