package io.filnode.node.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeaconEntriesTest {
  private final FakeBeacon beacon = new FakeBeacon();
  private final ChainStore chain =
      new ChainStore(new MemoryBlockstore(), new MemoryChainMetadata());
  private final Cid root = Cid.ofDagCbor(new byte[] {(byte) 0x80});

  private TipSet put(TipSet parent, long height, List<BeaconEntry> entries) {
    BlockHeader h =
        new BlockHeader(
            Address.newId(1000),
            null,
            null,
            entries,
            List.of(),
            parent == null ? List.of() : parent.cids(),
            BigInteger.ZERO,
            height,
            root,
            root,
            root,
            null,
            0,
            null,
            0,
            TokenAmount.ZERO);
    chain.putBlock(h);
    return TipSet.of(h);
  }

  @Test
  void afterTheGenesisPlaceholderOnlyTheNewestRoundIsFetched() throws Exception {
    List<BeaconEntry> out = BeaconEntries.forBlock(beacon, 1, new BeaconEntry(0, new byte[32]));
    assertThat(out).containsExactly(FakeBeacon.entryFor(1));
  }

  @Test
  void nullRoundsAreFilledOldestFirst() throws Exception {
    List<BeaconEntry> out = BeaconEntries.forBlock(beacon, 8, FakeBeacon.entryFor(5));
    assertThat(out)
        .containsExactly(FakeBeacon.entryFor(6), FakeBeacon.entryFor(7), FakeBeacon.entryFor(8));
    assertThat(beacon.requested).containsExactly(8L, 7L, 6L);
  }

  @Test
  void noEntriesWhenTheRoundIsAlreadyOnChain() throws Exception {
    assertThat(BeaconEntries.forBlock(beacon, 5, FakeBeacon.entryFor(5))).isEmpty();
  }

  @Test
  void latestEntryIsFoundInAnAncestor() throws Exception {
    TipSet g = put(null, 0, List.of(new BeaconEntry(0, new byte[32])));
    TipSet one = put(g, 1, List.of(FakeBeacon.entryFor(1)));
    TipSet two = put(one, 2, List.of());
    TipSet three = put(two, 3, List.of());
    assertThat(BeaconEntries.latest(chain, three)).isEqualTo(FakeBeacon.entryFor(1));
    assertThat(BeaconEntries.latest(chain, one)).isEqualTo(FakeBeacon.entryFor(1));
  }

  @Test
  void aChainWithoutEntriesIsAnError() {
    TipSet g = put(null, 0, List.of());
    TipSet one = put(g, 1, List.of());
    assertThatThrownBy(() -> BeaconEntries.latest(chain, one))
        .isInstanceOf(MiningException.class)
        .hasMessageContaining("genesis");
  }
}
