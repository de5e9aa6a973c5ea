package io.filnode.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exports a small synthetic chain (heights 0, 1, 2 with two blocks, 3, then 5 after a null round)
 * and reads it back with the CAR reader. Each block has its own state root (linking a private
 * child, an object shared by every state, and a raw CID that is not stored), messages (a list
 * linking one message) and receipts.
 */
class ChainExporterTest {
  private final MemoryBlockstore store = new MemoryBlockstore();
  private final Cid shared = put(text("shared by every state"));
  private final Cid notStored = Cid.of(Cid.RAW, Multihash.BLAKE2B_256, new byte[] {1, 2, 3});
  private final Cid genesisParent = put(text("the genesis block's parent"));

  /** Per height: the state root, its private child, the messages list, the message, receipts. */
  private final Map<Long, List<Cid>> objects = new TreeMap<>();

  private final List<BlockHeader> headers = new ArrayList<>();
  private TipSet head;

  private Cid put(byte[] data) {
    Cid c = Cid.ofDagCbor(data);
    store.put(c, data);
    return c;
  }

  private static byte[] text(String s) {
    return new CborWriter().writeText(s).toByteArray();
  }

  private static byte[] list(Object... items) {
    CborWriter w = new CborWriter().writeArrayHeader(items.length);
    for (Object o : items) {
      if (o instanceof Cid c) {
        w.writeCid(c);
      } else {
        w.writeText(o.toString());
      }
    }
    return w.toByteArray();
  }

  private List<Cid> objectsAt(long h) {
    return objects.computeIfAbsent(
        h,
        k -> {
          Cid child = put(text("child of state " + h));
          Cid state = put(list("state", h, child, shared, notStored));
          Cid msg = put(text("message " + h));
          Cid msgs = put(list("messages", h, msg));
          Cid receipts = put(text("receipts " + h));
          return List.of(state, child, msgs, msg, receipts);
        });
  }

  private TipSet extend(TipSet parent, long height, long... miners) {
    List<BlockHeader> hs = new ArrayList<>();
    for (long m : miners) {
      List<Cid> o = objectsAt(height);
      BlockHeader b =
          new BlockHeader(
              Address.newId(m),
              new Ticket(new byte[] {(byte) m, (byte) height}),
              new ElectionProof(1, new byte[] {1}),
              List.of(),
              List.of(),
              parent == null ? List.of(genesisParent) : parent.cids(),
              BigInteger.valueOf(height),
              height,
              o.get(0),
              o.get(4),
              o.get(2),
              null,
              1_600_000_000L + height * 30,
              null,
              0,
              TokenAmount.ofAtto(100));
      store.put(b.cid(), b.toCbor());
      hs.add(b);
    }
    headers.addAll(hs);
    return TipSet.of(hs);
  }

  @BeforeEach
  void buildChain() {
    TipSet g = extend(null, 0, 0);
    TipSet t1 = extend(g, 1, 1000);
    TipSet t2 = extend(t1, 2, 1000, 1001);
    TipSet t3 = extend(t2, 3, 1001);
    head = extend(t3, 5, 1000);
  }

  private record Exported(List<Cid> roots, List<Block> blocks) {
    Set<Cid> cids() {
      Set<Cid> s = new HashSet<>();
      blocks.forEach(b -> s.add(b.cid()));
      return s;
    }
  }

  private Exported export(long recentRoots, boolean skipOldMsgs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = ChainExporter.export(store, head, recentRoots, skipOldMsgs, out);
    List<Block> blocks = new ArrayList<>();
    try (CarReader r = CarReader.open(new ByteArrayInputStream(out.toByteArray()))) {
      for (Block b = r.next(); b != null; b = r.next()) {
        blocks.add(b);
      }
      assertThat(blocks).hasSize((int) n);
      return new Exported(r.header().roots(), blocks);
    }
  }

  private Set<Cid> expected(Set<Long> stateHeights, Set<Long> messageHeights) {
    Set<Cid> s = new HashSet<>();
    headers.forEach(h -> s.add(h.cid()));
    s.add(genesisParent);
    for (long h : stateHeights) {
      s.add(objects.get(h).get(0));
      s.add(objects.get(h).get(1));
      s.add(shared);
    }
    for (long h : messageHeights) {
      s.add(objects.get(h).get(2));
      s.add(objects.get(h).get(3));
    }
    return s;
  }

  @Test
  void exportsHeadersToGenesisTheGenesisStateRecentStatesAndAllMessages() throws Exception {
    Exported e = export(3, false); // recent: heights above 5 - 3 = 2
    assertThat(e.roots()).isEqualTo(head.cids());
    assertThat(e.blocks().get(0).cid()).isEqualTo(head.cids().get(0));
    assertThat(e.blocks()).extracting(Block::cid).doesNotHaveDuplicates();
    assertThat(e.cids()).isEqualTo(expected(Set.of(0L, 3L, 5L), Set.of(0L, 1L, 2L, 3L, 5L)));
    for (Block b : e.blocks()) {
      assertThat(b.data()).isEqualTo(store.get(b.cid()));
    }
  }

  @Test
  void skipOldMsgsLeavesOutMessagesBeforeTheRecentWindow() throws Exception {
    Exported e = export(3, true);
    assertThat(e.cids()).isEqualTo(expected(Set.of(0L, 3L, 5L), Set.of(3L, 5L)));
  }

  @Test
  void withoutRecentRootsOnlyTheGenesisStateIsExportedAndNoReceiptsEver() throws Exception {
    Exported e = export(0, false);
    assertThat(e.cids()).isEqualTo(expected(Set.of(0L), Set.of(0L, 1L, 2L, 3L, 5L)));
    for (List<Cid> o : objects.values()) {
      assertThat(e.cids()).doesNotContain(o.get(4));
    }
    assertThat(e.cids()).doesNotContain(notStored);
  }

  @Test
  void headersComeBeforeTheirParentsAndEachHeaderBeforeItsObjects() throws Exception {
    List<Cid> order = export(10, false).blocks().stream().map(Block::cid).toList();
    for (BlockHeader h : headers) {
      int at = order.indexOf(h.cid());
      for (Cid p : h.height() > 0 ? h.parents() : List.<Cid>of()) {
        assertThat(order.indexOf(p)).isGreaterThan(at);
      }
      // blocks of one tipset share their messages here: they follow the first such header
      int first =
          headers.stream()
              .filter(o -> o.messages().equals(h.messages()))
              .mapToInt(o -> order.indexOf(o.cid()))
              .min()
              .orElseThrow();
      assertThat(order.indexOf(h.messages())).isGreaterThan(first);
    }
    // the genesis block is walked last; its state's private child ends the file
    assertThat(order.get(order.size() - 1)).isEqualTo(objects.get(0L).get(1));
  }

  @Test
  void aMissingObjectFailsTheExport() {
    store.delete(objects.get(1L).get(3)); // a message of block 1
    assertThatThrownBy(() -> export(0, false))
        .isInstanceOf(ChainStoreException.class)
        .hasMessageContaining(objects.get(1L).get(3).toString())
        .hasMessageContaining("not in the store");
  }
}
