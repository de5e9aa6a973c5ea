package io.filnode.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksChainMetadataTest {
  @TempDir Path dir;

  private static BlockHeader block(long height, List<Cid> parents) {
    Cid root = Cid.ofDagCbor(new byte[] {(byte) 0x80});
    return new BlockHeader(
        Address.newId(1000),
        new Ticket(new byte[] {(byte) height}),
        null,
        List.of(),
        List.of(),
        parents,
        BigInteger.valueOf(height),
        height,
        root,
        root,
        root,
        null,
        1_600_000_000L + height * 30,
        null,
        0,
        TokenAmount.ZERO);
  }

  @Test
  void headAndGenesisSurviveReopening() throws Exception {
    BlockHeader genesis = block(0, List.of());
    TipSet head;
    try (RocksBlockstore rocks = RocksBlockstore.open(dir, 1 << 20)) {
      ChainStore store = new ChainStore(rocks, new RocksChainMetadata(rocks));
      store.load();
      assertThat(store.head()).isNull();
      store.setGenesis(genesis);
      BlockHeader next = block(1, List.of(store.putBlock(genesis)));
      store.putBlock(next);
      head = TipSet.of(next);
      store.setHead(head);
    }
    try (RocksBlockstore rocks = RocksBlockstore.open(dir, 1 << 20)) {
      ChainStore store = new ChainStore(rocks, new RocksChainMetadata(rocks));
      store.load();
      assertThat(store.head()).isEqualTo(head);
      assertThat(store.genesis()).isEqualTo(genesis);
    }
  }

  @Test
  void keysDoNotCollideWithOtherMetaRecords() {
    try (RocksBlockstore rocks = RocksBlockstore.open(dir, 1 << 20)) {
      rocks.putMeta("head", new byte[] {9});
      RocksChainMetadata meta = new RocksChainMetadata(rocks);
      assertThat(meta.get("head")).isNull();
      meta.put("head", new byte[] {1, 2});
      assertThat(meta.get("head")).containsExactly(1, 2);
      assertThat(rocks.getMeta("head")).containsExactly(9);
    }
  }
}
