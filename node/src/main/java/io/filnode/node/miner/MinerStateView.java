package io.filnode.node.miner;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.proof.SectorInfo;
import io.filnode.actors.v2.miner.Deadline;
import io.filnode.actors.v2.miner.Deadlines;
import io.filnode.actors.v2.miner.MinerInfo;
import io.filnode.actors.v2.miner.MinerState;
import io.filnode.actors.v2.miner.Partition;
import io.filnode.actors.v2.miner.Policy;
import io.filnode.actors.v2.miner.SectorOnChainInfo;
import io.filnode.actors.v2.miner.Sectors;
import io.filnode.chain.address.Address;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What EC reads from a v2 storage miner actor (Lotus's {@code miner.State} adapter for v2). */
final class MinerStateView {
  private final IpldStore store;
  private final Address address;
  private final MinerState state;

  private MinerStateView(IpldStore store, Address address, MinerState state) {
    this.store = store;
    this.address = address;
    this.state = state;
  }

  /** The miner's state in {@code stateRoot}, or empty when the actor does not exist there. */
  static Optional<MinerStateView> load(IpldStore store, Cid stateRoot, Address miner)
      throws MiningException {
    return ActorStates.load(store, stateRoot, miner, ActorKind.STORAGE_MINER, MinerState::decode)
        .map(st -> new MinerStateView(store, miner, st));
  }

  static MinerStateView require(IpldStore store, Cid stateRoot, Address miner)
      throws MiningException {
    return load(store, stateRoot, miner)
        .orElseThrow(
            () -> new MiningException("miner " + miner + " does not exist in state " + stateRoot));
  }

  MinerInfo info() throws MiningException {
    try {
      return state.getInfo(store);
    } catch (ActorException e) {
      throw new MiningException("reading the info of miner " + address, e);
    }
  }

  TokenAmount feeDebt() {
    return state.feeDebt();
  }

  /**
   * The sectors a winning PoSt may be challenged on: from network version 7 the active sectors
   * (live, not faulty, proven), before it every sector not faulty, over every partition of every
   * deadline (Lotus's {@code GetSectorsForWinningPoSt}).
   */
  BitField provingSectors(int networkVersion) throws MiningException {
    try {
      Deadlines dls = state.loadDeadlines(store);
      List<BitField> parts = new ArrayList<>();
      for (int d = 0; d < Policy.WPOST_PERIOD_DEADLINES; d++) {
        Deadline dl = dls.loadDeadline(store, d);
        dl.partitionsArray(store)
            .forEach(
                (i, raw) -> {
                  Partition p = CborReader.decodeWhole(raw, "Partition", Partition::decode);
                  parts.add(
                      networkVersion < 7 ? p.sectors().subtract(p.faults()) : p.activeSectors());
                });
      }
      return BitField.multiMerge(parts);
    } catch (ActorException e) {
      throw new MiningException("reading the partitions of miner " + address, e);
    }
  }

  /** The proof view of the sectors numbered {@code sectorNos}, in number order. */
  List<SectorInfo> sectorInfos(BitField sectorNos) throws MiningException {
    try {
      List<SectorInfo> out = new ArrayList<>();
      for (SectorOnChainInfo s : Sectors.load(store, state.sectors()).load(sectorNos)) {
        out.add(new SectorInfo(s.sealProof(), s.sectorNumber(), s.sealedCid()));
      }
      return out;
    } catch (ActorException e) {
      throw new MiningException("loading sectors of miner " + address, e);
    }
  }
}
