package io.filnode.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainStoreTest {
  private final MemoryBlockstore blocks = new MemoryBlockstore();
  private final MemoryChainMetadata meta = new MemoryChainMetadata();
  private final ChainStore store = new ChainStore(blocks, meta);
  private final Cid stateRoot = Cid.ofDagCbor(new byte[] {(byte) 0x80});

  private BlockHeader block(long miner, TipSet parent, long height, int winCount) {
    return new BlockHeader(
        Address.newId(miner),
        new Ticket(new byte[] {(byte) miner, (byte) height}),
        new ElectionProof(winCount, new byte[] {1}),
        List.of(),
        List.of(),
        parent == null ? List.of() : parent.cids(),
        parent == null ? BigInteger.ZERO : BigInteger.valueOf(parent.height() * 10),
        height,
        stateRoot,
        stateRoot,
        stateRoot,
        null,
        1_600_000_000L + height * 30,
        null,
        0,
        TokenAmount.ofAtto(100));
  }

  private TipSet extend(TipSet parent, long height, long... miners) throws ChainStoreException {
    List<BlockHeader> hs = new ArrayList<>();
    for (long m : miners) {
      BlockHeader h = block(m, parent, height, 1);
      store.putBlock(h);
      hs.add(h);
    }
    TipSet ts = TipSet.of(hs);
    store.setHead(ts);
    return ts;
  }

  @Test
  void reorgsRevertToTheCommonAncestorThenApply() throws ChainStoreException {
    BlockHeader g = block(0, null, 0, 0);
    store.setGenesis(g);
    TipSet genesis = store.head();
    TipSet a1 = extend(genesis, 1, 1000);
    TipSet a2 = extend(a1, 2, 1000, 1001);
    TipSet a3 = extend(a2, 3, 1000);
    List<List<HeadChange>> seen = new ArrayList<>();
    Runnable cancel = store.subscribe(seen::add);
    assertThat(seen.get(0)).containsExactly(new HeadChange(HeadChange.Type.CURRENT, a3));

    TipSet b2 = extend(a1, 2, 1002); // a fork from a1
    assertThat(seen.get(1))
        .containsExactly(
            new HeadChange(HeadChange.Type.REVERT, a3),
            new HeadChange(HeadChange.Type.REVERT, a2),
            new HeadChange(HeadChange.Type.APPLY, b2));
    TipSet b5 = extend(b2, 5, 1002); // null rounds at 3 and 4
    assertThat(seen.get(2)).containsExactly(new HeadChange(HeadChange.Type.APPLY, b5));
    cancel.run();
    extend(b5, 6, 1002);
    assertThat(seen).hasSize(3);

    assertThat(store.tipSetByHeight(4, b5, true)).isEqualTo(b2);
    assertThat(store.tipSetByHeight(4, b5, false)).isEqualTo(b5);
    assertThat(store.tipSetByHeight(2, b5, true)).isEqualTo(b2);
    assertThat(store.tipSetByHeight(0, b5, true)).isEqualTo(genesis);
    assertThatThrownBy(() -> store.tipSetByHeight(9, b5, true)).hasMessageContaining("greater");
    assertThat(store.genesis()).isEqualTo(g);
  }

  @Test
  void theHeadSurvivesARestart() throws ChainStoreException {
    store.setGenesis(block(0, null, 0, 0));
    TipSet t1 = extend(store.head(), 1, 1000, 1001, 1002);
    ChainStore reopened = new ChainStore(blocks, meta);
    reopened.load();
    assertThat(reopened.head()).isEqualTo(t1);
    assertThat(reopened.head().blocks()).hasSize(3);
  }

  @Test
  void aHeadWhoseBlocksAreMissingIsRefusedAndNothingChanges() throws ChainStoreException {
    store.setGenesis(block(0, null, 0, 0));
    TipSet before = store.head();
    TipSet unsaved = TipSet.of(block(1000, before, 1, 1));
    assertThatThrownBy(() -> store.setHead(unsaved)).hasMessageContaining("missing");
    assertThat(store.head()).isEqualTo(before);
    ChainStore reopened = new ChainStore(blocks, meta);
    reopened.load();
    assertThat(reopened.head()).isEqualTo(before);
  }

  @Test
  void weightFollowsLotusFormula() {
    TipSet parent = TipSet.of(block(0, null, 0, 0));
    BlockHeader b1 = block(1000, parent, 100, 2);
    BlockHeader b2 =
        new BlockHeader(
            Address.newId(1001),
            new Ticket(new byte[] {9}),
            new ElectionProof(1, new byte[] {1}),
            List.of(),
            List.of(),
            b1.parents(),
            BigInteger.valueOf(1000),
            100,
            stateRoot,
            stateRoot,
            stateRoot,
            null,
            0,
            null,
            0,
            TokenAmount.ZERO);
    BlockHeader b1w =
        new BlockHeader(
            b1.miner(),
            b1.ticket(),
            b1.electionProof(),
            List.of(),
            List.of(),
            b1.parents(),
            BigInteger.valueOf(1000),
            100,
            stateRoot,
            stateRoot,
            stateRoot,
            null,
            0,
            null,
            0,
            TokenAmount.ZERO);
    TipSet ts = TipSet.of(b1w, b2);
    // P = 2^40: 1000 + 40·256 + 40·256·(2+1)/(5·2) = 1000 + 10240 + 3072
    assertThat(ChainWeight.weight(ts, BigInteger.ONE.shiftLeft(40)))
        .isEqualTo(BigInteger.valueOf(14312));
    // log2 is floor: 2^40 + 2^39 has the same weight
    assertThat(
            ChainWeight.weight(ts, BigInteger.ONE.shiftLeft(40).add(BigInteger.ONE.shiftLeft(39))))
        .isEqualTo(BigInteger.valueOf(14312));
    assertThatThrownBy(() -> ChainWeight.weight(ts, BigInteger.ZERO)).hasMessageContaining("power");
  }
}
