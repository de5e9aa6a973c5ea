package io.filnode.chain.amt;

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

/** Random corruptions of real AMT blocks: reading them fails with CborException or not at all. */
class AmtMalformedTest {
  @Property(tries = 400)
  void corruptNodesGiveOnlyCborException(
      @ForAll long seed, @ForAll boolean v3, @ForAll @IntRange(min = 1, max = 4) int mutations) {
    AmtOptions options = v3 ? AmtOptions.v3(3) : AmtOptions.v2();
    MemoryBlockstore blocks = new MemoryBlockstore();
    List<Cid> all = new ArrayList<>();
    Amt a =
        Amt.create(
            new IpldStore(
                new io.filnode.chain.blockstore.Blockstore() {
                  @Override
                  public byte[] get(Cid cid) {
                    return blocks.get(cid);
                  }

                  @Override
                  public boolean has(Cid cid) {
                    return blocks.has(cid);
                  }

                  @Override
                  public void put(Cid cid, byte[] data) {
                    all.add(cid);
                    blocks.put(cid, data);
                  }

                  @Override
                  public void delete(Cid cid) {
                    blocks.delete(cid);
                  }
                }),
            options);
    Cid root;
    try {
      for (int i = 0; i < 300; i += 3) {
        a.set(i, new CborWriter().writeText("v" + i).toByteArray());
      }
      root = a.flush();
    } catch (CborException e) {
      throw new AssertionError(e);
    }
    Random random = new Random(seed);
    Cid victim = all.get(random.nextInt(all.size()));
    blocks.put(victim, Mutations.mutate(blocks.get(victim), random, mutations));
    try {
      Amt b = Amt.load(new IpldStore(blocks), root, options);
      b.forEach((i, v) -> {});
      b.get(150);
      b.set(1000, new byte[] {1});
      b.delete(42);
      b.flush();
    } catch (CborException expected) {
      assertThat(expected.getMessage()).isNotEmpty();
    }
  }
}
