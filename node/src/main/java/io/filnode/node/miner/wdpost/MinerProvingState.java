package io.filnode.node.miner.wdpost;

import io.filnode.actors.v2.miner.DeadlineInfo;
import io.filnode.actors.v2.miner.Deadlines;
import io.filnode.actors.v2.miner.MinerState;
import io.filnode.actors.v2.miner.Partition;
import io.filnode.chain.address.Address;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import java.util.ArrayList;
import java.util.List;

/** {@link ProvingState} read from a specs-actors v2 miner actor's state in a state tree. */
public final class MinerProvingState implements ProvingState {
  private static final Cid MINER_V2 = BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2);

  private final IpldStore store;
  private final MinerState state;
  private final long sealProofType;
  private final Deadlines deadlines;

  private MinerProvingState(IpldStore store, MinerState state) {
    this.store = store;
    this.state = state;
    this.sealProofType = state.getInfo(store).sealProofType();
    this.deadlines = state.loadDeadlines(store);
  }

  /**
   * The state of miner {@code minerId} in the state tree {@code stateRoot}.
   *
   * @throws CborException when the state is missing or malformed
   * @throws WindowPoStException when there is no such actor or it is not a v2 miner
   */
  public static MinerProvingState load(IpldStore store, Cid stateRoot, Address minerId)
      throws CborException, WindowPoStException {
    Actor actor = StateTree.load(store, stateRoot).getActor(minerId);
    if (actor == null) {
      throw new WindowPoStException("no actor " + minerId + " in state " + stateRoot);
    }
    if (!MINER_V2.equals(actor.code())) {
      throw new WindowPoStException("actor " + minerId + " is not a v2 miner: " + actor.code());
    }
    return new MinerProvingState(store, store.get(actor.head(), "miner state", MinerState::decode));
  }

  @Override
  public DeadlineInfo deadlineInfo(long epoch) {
    return state.deadlineInfo(epoch);
  }

  @Override
  public long sealProofType() {
    return sealProofType;
  }

  @Override
  public List<PartitionSectors> partitions(long dlIdx) {
    List<PartitionSectors> out = new ArrayList<>();
    deadlines
        .loadDeadline(store, dlIdx)
        .partitionsArray(store)
        .forEach(
            (idx, raw) -> {
              Partition p = CborReader.decodeWhole(raw, "partition " + idx, Partition::decode);
              out.add(new PartitionSectors(idx, p.liveSectors(), p.faults(), p.recoveries()));
            });
    return out;
  }

  @Override
  public BitField postSubmissions(long dlIdx) {
    return deadlines.loadDeadline(store, dlIdx).postSubmissions();
  }
}
