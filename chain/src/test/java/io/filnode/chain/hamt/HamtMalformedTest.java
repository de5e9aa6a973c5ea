package io.filnode.chain.hamt;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.testing.Mutations;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random corruptions of real HAMT nodes: reading them fails with CborException or not at all. */
class HamtMalformedTest {
  private static final int BIT_WIDTH = 3;

  /** A HAMT of a few levels; returns its store with every block. */
  private static Cid build(MemoryBlockstore blocks, HamtOptions options) throws CborException {
    Hamt h = Hamt.create(new IpldStore(blocks), options);
    for (int i = 0; i < 120; i++) {
      h.set(
          ("key" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8),
          new CborWriter().writeArrayHeader(2).writeUint64(i).writeText("v" + i).toByteArray());
    }
    return h.flush();
  }

  @Property(tries = 400)
  void corruptNodesGiveOnlyCborException(
      @ForAll long seed, @ForAll boolean v3, @ForAll @IntRange(min = 1, max = 4) int mutations) {
    HamtOptions options = v3 ? HamtOptions.v3(BIT_WIDTH) : HamtOptions.v2(BIT_WIDTH);
    MemoryBlockstore blocks = new MemoryBlockstore();
    Cid root;
    List<Cid> all = new ArrayList<>();
    try {
      root = build(blocks, options);
      collect(new IpldStore(blocks), root, options, all);
    } catch (CborException e) {
      throw new AssertionError(e);
    }
    Random random = new Random(seed);
    Cid victim = all.get(random.nextInt(all.size()));
    byte[] data = Mutations.mutate(blocks.get(victim), random, mutations);
    blocks.put(victim, data); // the store does not re-hash, so the corrupt bytes are read
    try {
      Hamt h = Hamt.load(new IpldStore(blocks), root, options);
      h.forEach((k, v) -> {});
      h.get("key7".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      h.set("new".getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[] {1});
      h.delete("key9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      h.flush();
    } catch (CborException expected) {
      assertThat(expected.getMessage()).isNotEmpty();
    }
  }

  private static void collect(IpldStore store, Cid cid, HamtOptions options, List<Cid> out)
      throws CborException {
    out.add(cid);
    HamtNode node =
        store.get(cid, "node", r -> HamtCodec.decode(r, options.version(), options.bitWidth()));
    for (Pointer p : node.pointers) {
      if (p.link != null) {
        collect(store, p.link, options, out);
      }
    }
  }
}
