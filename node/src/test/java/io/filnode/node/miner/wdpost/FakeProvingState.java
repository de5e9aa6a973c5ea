package io.filnode.node.miner.wdpost;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.v2.miner.DeadlineInfo;
import io.filnode.chain.bitfield.BitField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A miner's proving state set up by hand: one proving period start, a current deadline. */
final class FakeProvingState implements ProvingState {
  long provingPeriodStart;
  long currentDeadline;
  long sealProofType = SealProofs.STACKED_DRG_32GIB_V1_1;
  final Map<Long, List<PartitionSectors>> partitions = new HashMap<>();
  final Map<Long, BitField> postSubmissions = new HashMap<>();

  FakeProvingState(long provingPeriodStart, long currentDeadline) {
    this.provingPeriodStart = provingPeriodStart;
    this.currentDeadline = currentDeadline;
  }

  /** Adds a partition of healthy sectors {@code sectors} to deadline {@code dlIdx}. */
  FakeProvingState healthy(long dlIdx, long... sectors) {
    return partition(dlIdx, BitField.of(sectors), BitField.empty(), BitField.empty());
  }

  FakeProvingState partition(long dlIdx, BitField live, BitField faults, BitField recoveries) {
    List<PartitionSectors> list = partitions.computeIfAbsent(dlIdx, k -> new ArrayList<>());
    list.add(new PartitionSectors(list.size(), live, faults, recoveries));
    return this;
  }

  @Override
  public DeadlineInfo deadlineInfo(long epoch) {
    return DeadlineInfo.of(provingPeriodStart, currentDeadline, epoch);
  }

  @Override
  public long sealProofType() {
    return sealProofType;
  }

  @Override
  public List<PartitionSectors> partitions(long dlIdx) {
    return partitions.getOrDefault(dlIdx, List.of());
  }

  @Override
  public BitField postSubmissions(long dlIdx) {
    return postSubmissions.getOrDefault(dlIdx, BitField.empty());
  }
}
