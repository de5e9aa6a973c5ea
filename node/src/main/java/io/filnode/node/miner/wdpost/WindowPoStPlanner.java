package io.filnode.node.miner.wdpost;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.v2.miner.DeadlineInfo;
import io.filnode.actors.v2.miner.Policy;
import io.filnode.chain.bitfield.BitField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which partitions of a miner to prove at a head, as Lotus v1.10.0's Window PoSt change
 * handler and {@code runPost}: the deadline current at the head, once the chain is {@link
 * #CHALLENGE_CONFIDENCE} epochs past its challenge and {@link #SUBMIT_CONFIDENCE} epochs past its
 * opening, and before it closes; its partitions with sectors to prove that are neither proven yet
 * on chain nor already submitted by us; in batches of at most {@link #partitionsPerMessage}.
 */
public final class WindowPoStPlanner {
  /** Epochs past the deadline's opening before submitting (Lotus's SubmitConfidence). */
  public static final long SUBMIT_CONFIDENCE = 4;

  /** Epochs past the challenge epoch before proving (Lotus's ChallengeConfidence). */
  public static final long CHALLENGE_CONFIDENCE = 10;

  /** The partitions to prove in one deadline, one list of partition indexes per message. */
  public record Plan(DeadlineInfo deadline, long postProofType, List<List<Long>> batches) {
    public Plan {
      batches = batches.stream().map(List::copyOf).toList();
    }
  }

  private WindowPoStPlanner() {}

  /**
   * What to prove at a head of height {@code height}, or empty when nothing is due. {@code
   * submitted}: the partitions of the current deadline we have already sent proofs for.
   */
  public static Optional<Plan> plan(ProvingState state, long height, BitField submitted) {
    DeadlineInfo di = state.deadlineInfo(height).nextNotElapsed();
    if (!di.periodStarted()
        || height < di.challenge() + CHALLENGE_CONFIDENCE
        || height < di.open() + SUBMIT_CONFIDENCE
        || height >= di.close()) {
      return Optional.empty();
    }
    long postProof = SealProofs.windowPoStProof(state.sealProofType());
    if (postProof < 0) {
      throw new IllegalStateException("unknown seal proof type " + state.sealProofType());
    }
    BitField skip = state.postSubmissions(di.index()).union(submitted);
    List<Long> toProve = new ArrayList<>();
    for (PartitionSectors p : state.partitions(di.index())) {
      if (!skip.isSet(p.index()) && !p.toProve().isEmpty()) {
        toProve.add(p.index());
      }
    }
    if (toProve.isEmpty()) {
      return Optional.empty();
    }
    int perMessage = partitionsPerMessage(postProof);
    List<List<Long>> batches = new ArrayList<>();
    for (int from = 0; from < toProve.size(); from += perMessage) {
      batches.add(toProve.subList(from, Math.min(from + perMessage, toProve.size())));
    }
    return Optional.of(new Plan(di, postProof, batches));
  }

  /**
   * Partitions per SubmitWindowedPoSt (Lotus's batchPartitions): as many whole partitions as fit in
   * the sectors one message may address, and no more than the partitions one message may declare.
   */
  public static int partitionsPerMessage(long postProof) {
    long sectorsPerPartition = SealProofs.postProofWindowPoStPartitionSectors(postProof);
    if (sectorsPerPartition <= 0) {
      throw new IllegalArgumentException("not a Window PoSt proof type: " + postProof);
    }
    return (int)
        Math.min(Policy.ADDRESSED_SECTORS_MAX / sectorsPerPartition, Policy.DECLARATIONS_MAX);
  }
}
