package io.filnode.node.miner.wdpost;

import io.filnode.chain.bitfield.BitField;

/**
 * The sectors of one partition (by its index in the deadline) a Window PoSt looks at: the live ones
 * (not terminated), the faulty ones and the faulty ones declared recovering.
 */
public record PartitionSectors(long index, BitField live, BitField faults, BitField recoveries) {

  /** What a proof covers, as Lotus's runPost: live minus faulty, plus recovering. */
  public BitField toProve() {
    return live.subtract(faults).union(recoveries);
  }
}
