package io.filnode.node.miner.wdpost;

import io.filnode.actors.v2.miner.DeadlineInfo;
import io.filnode.chain.bitfield.BitField;
import java.util.List;

/** What the scheduler reads of a miner's state to decide what to prove. */
public interface ProvingState {
  /** The miner's current deadline seen from {@code epoch} (the actor's {@code DeadlineInfo}). */
  DeadlineInfo deadlineInfo(long epoch);

  /** The miner's seal proof type, which fixes its Window PoSt proof type. */
  long sealProofType();

  /** The partitions of deadline {@code dlIdx}, in index order. */
  List<PartitionSectors> partitions(long dlIdx);

  /** The partitions of deadline {@code dlIdx} already proven in its current window. */
  BitField postSubmissions(long dlIdx);
}
