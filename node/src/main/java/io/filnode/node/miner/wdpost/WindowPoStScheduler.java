package io.filnode.node.miner.wdpost;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.actors.v2.miner.PoStPartition;
import io.filnode.actors.v2.miner.SubmitWindowedPoStParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.PoStProof;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.miner.LocalMiner;
import io.filnode.vm.Randomness;
import io.filnode.vm.stmgr.StateManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submits a Window PoSt for each of the node's miners in every proving deadline, as Lotus's {@code
 * WindowPoStScheduler} with a mock prover: on each new head, for each miner, the partitions {@link
 * WindowPoStPlanner} picks are proven with mock proof bytes (the node's proof verifier accepts any)
 * in SubmitWindowedPoSt messages from the worker, committed to the chain at the deadline's
 * challenge epoch. Faults and recoveries are not declared (Lotus declares recoveries of sectors
 * that check out again): mock proofs never fail, so sectors only become faulty when a window is
 * missed, e.g. while the node is down, and they then stay faulty, as nothing declares them
 * recovered.
 *
 * <p>A failure for one miner (state not computable, submission refused) is logged and retried on
 * the next head; it does not stop the other miners.
 */
public final class WindowPoStScheduler {
  /** The length of a real Window PoSt proof (one Groth16 proof), so message sizes are realistic. */
  static final int MOCK_PROOF_LENGTH = 192;

  private static final System.Logger LOG = System.getLogger(WindowPoStScheduler.class.getName());

  /** What the scheduler reads of the chain at a head. */
  interface ChainReader {
    /**
     * The miner's state after executing {@code head}. Lotus reads the head's parent state; the
     * state after the head also counts the proofs the head's messages submitted.
     */
    ProvingState provingState(TipSet head, Address minerId) throws Exception;

    /** Randomness drawn from the chain ending at {@code head}. */
    Randomness randomness(TipSet head);
  }

  /** The partitions we sent proofs for in the deadline opening at {@code open}. */
  private record Submitted(long open, BitField partitions) {}

  private final ChainReader chain;
  private final List<LocalMiner> miners;
  private final MessageSubmitter submitter;
  private final Map<Address, Submitted> submitted = new HashMap<>();

  public WindowPoStScheduler(
      StateManager stateManager, List<LocalMiner> miners, MessageSubmitter submitter) {
    this(stateReader(stateManager), miners, submitter);
  }

  WindowPoStScheduler(ChainReader chain, List<LocalMiner> miners, MessageSubmitter submitter) {
    this.chain = chain;
    this.miners = List.copyOf(miners);
    this.submitter = submitter;
  }

  private static ChainReader stateReader(StateManager sm) {
    IpldStore store = new IpldStore(sm.chain().blockstore());
    return new ChainReader() {
      @Override
      public ProvingState provingState(TipSet head, Address minerId) throws Exception {
        return MinerProvingState.load(store, sm.tipSetState(head).stateRoot(), minerId);
      }

      @Override
      public Randomness randomness(TipSet head) {
        return sm.randomness(head);
      }
    };
  }

  /** Proves, for every miner, what is due at {@code head}. */
  public synchronized void onHead(TipSet head) {
    for (LocalMiner miner : miners) {
      try {
        prove(head, miner);
      } catch (Exception e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "window PoSt for {0} at height {1} failed: {2}",
            miner.minerId(),
            head.height(),
            e.toString());
      }
    }
  }

  private void prove(TipSet head, LocalMiner miner) throws Exception {
    ProvingState state = chain.provingState(head, miner.minerId());
    long open = state.deadlineInfo(head.height()).nextNotElapsed().open();
    Submitted prev = submitted.get(miner.minerId());
    BitField already = prev != null && prev.open() == open ? prev.partitions() : BitField.empty();
    Optional<WindowPoStPlanner.Plan> plan = WindowPoStPlanner.plan(state, head.height(), already);
    if (plan.isEmpty()) {
      return;
    }
    long commitEpoch = plan.get().deadline().challenge();
    // As Lotus from network version 4: commit at the challenge epoch, as far back as allowed.
    byte[] commitRand =
        chain
            .randomness(head)
            .chainRandomness(DomainSeparationTag.POST_CHAIN_COMMIT, commitEpoch, new byte[0]);
    for (List<Long> batch : plan.get().batches()) {
      UnsignedMessage msg = message(miner, plan.get(), batch, commitEpoch, commitRand);
      Cid cid = submitter.submit(msg);
      already = already.union(BitField.fromSet(batch));
      submitted.put(miner.minerId(), new Submitted(open, already));
      LOG.log(
          System.Logger.Level.INFO,
          "submitted window PoSt {0} for {1} deadline {2} partitions {3}",
          cid,
          miner.minerId(),
          plan.get().deadline().index(),
          batch);
    }
  }

  private static UnsignedMessage message(
      LocalMiner miner,
      WindowPoStPlanner.Plan plan,
      List<Long> batch,
      long commitEpoch,
      byte[] commitRand) {
    List<PoStPartition> partitions = new ArrayList<>(batch.size());
    for (long idx : batch) {
      partitions.add(new PoStPartition(idx, BitField.empty()));
    }
    SubmitWindowedPoStParams params =
        new SubmitWindowedPoStParams(
            plan.deadline().index(),
            partitions,
            List.of(new PoStProof(plan.postProofType(), new byte[MOCK_PROOF_LENGTH])),
            commitEpoch,
            commitRand);
    return new UnsignedMessage(
        0,
        miner.minerId(),
        miner.worker(),
        0,
        TokenAmount.ZERO,
        0,
        TokenAmount.ZERO,
        TokenAmount.ZERO,
        Builtin.MethodsMiner.SUBMIT_WINDOWED_POST,
        params.toCbor());
  }
}
