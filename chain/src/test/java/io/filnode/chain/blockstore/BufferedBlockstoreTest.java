package io.filnode.chain.blockstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import org.junit.jupiter.api.Test;

class BufferedBlockstoreTest {
  private static Block node(String name, Cid... links) {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(2).writeText(name);
    w.writeArrayHeader(links.length);
    for (Cid l : links) {
      w.writeCid(l);
    }
    return Block.ofDagCbor(w.toByteArray());
  }

  @Test
  void readsSeeWritesAndFlushCopiesOnlyWhatTheRootReaches() throws Exception {
    MemoryBlockstore backing = new MemoryBlockstore();
    Block old = node("already stored");
    backing.put(old.cid(), old.data());

    BufferedBlockstore buf = new BufferedBlockstore(backing);
    Block leaf = node("leaf");
    Block mid = node("mid", leaf.cid(), old.cid());
    Block root = node("root", mid.cid(), leaf.cid());
    Block garbage = node("replaced intermediate state", leaf.cid());
    for (Block b : new Block[] {leaf, mid, root, garbage}) {
      buf.put(b.cid(), b.data());
    }
    assertThat(buf.get(root.cid())).isEqualTo(root.data());
    assertThat(buf.get(old.cid())).isEqualTo(old.data());
    assertThat(buf.has(old.cid())).isTrue();
    assertThat(backing.has(root.cid())).isFalse();

    assertThat(buf.flush(root.cid())).isEqualTo(3);

    assertThat(backing.has(root.cid())).isTrue();
    assertThat(backing.has(mid.cid())).isTrue();
    assertThat(backing.has(leaf.cid())).isTrue();
    assertThat(backing.has(garbage.cid())).isFalse();
    assertThat(backing.size()).isEqualTo(4);
    assertThat(buf.buffered()).isZero();
  }

  @Test
  void dagCborLinksFindsNestedCidsInMaps() throws Exception {
    Block a = node("a");
    Block b = node("b");
    CborWriter w = new CborWriter();
    w.writeMapHeader(2).writeText("x").writeCid(a.cid()).writeText("yy");
    w.writeArrayHeader(2).writeUint64(7).writeCid(b.cid());
    java.util.List<Cid> found = new java.util.ArrayList<>();
    DagCborLinks.forEach(w.toByteArray(), found::add);
    assertThat(found).containsExactly(a.cid(), b.cid());
  }
}
