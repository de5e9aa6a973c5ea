package io.filnode.chain.amt;

import static io.filnode.chain.amt.AmtVectorsTest.newStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The AMT against an in-memory sorted map, and history independence, in both versions. */
class AmtPropertiesTest {
  private static byte[] value(int v) {
    return new CborWriter().writeUint64(v).toByteArray();
  }

  /**
   * Ops are indexes (small and spread out) and values; a negative value deletes. v3 always ends in
   * the shape of an AMT of the survivors. v2 does too unless the AMT was emptied above height 0
   * along the way (Go's v2 then keeps the height), which the test excludes.
   */
  @Property(tries = 150)
  void behavesAsASparseArrayAndEndsInTheCanonicalShape(
      @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 5000) Long> small,
      @ForAll @Size(max = 300) List<@IntRange(min = -30, max = 100) Integer> values,
      @ForAll @IntRange(min = 0, max = 60) int shift,
      @ForAll @IntRange(min = 1, max = 6) int bitWidth,
      @ForAll boolean v3)
      throws Exception {
    AmtOptions options = v3 ? AmtOptions.v3(bitWidth) : AmtOptions.v2();
    IpldStore store = newStore();
    Amt a = Amt.create(store, options);
    TreeMap<Long, Integer> model = new TreeMap<>(Long::compareUnsigned);
    boolean emptiedAboveZero = false;
    int n = Math.min(small.size(), values.size());
    for (int i = 0; i < n; i++) {
      // Every seventh index is spread far out to make the tree tall.
      long index = i % 7 == 3 ? small.get(i) << shift : small.get(i);
      if (!v3) {
        index &= Amt.MAX_INDEX_V2;
      }
      int v = values.get(i);
      if (v < 0) {
        boolean had = model.remove(index) != null;
        assertThat(a.delete(index)).isEqualTo(had);
        if (had && model.isEmpty() && a.height() > 0) {
          emptiedAboveZero = true;
        }
      } else {
        assertThat(a.set(index, value(v))).isEqualTo(model.put(index, v) == null);
      }
      assertThat(a.count()).isEqualTo(model.size());
    }
    Cid root = a.flush();
    Amt loaded = Amt.load(store, root, options);
    for (Map.Entry<Long, Integer> e : model.entrySet()) {
      assertThat(loaded.get(e.getKey())).isEqualTo(value(e.getValue()));
    }
    List<Long> seen = new ArrayList<>();
    loaded.forEach((i, v) -> seen.add(i));
    assertThat(seen).containsExactlyElementsOf(model.keySet());
    if (!model.isEmpty()) {
      long start = model.keySet().stream().skip(model.size() / 2).findFirst().orElseThrow();
      List<Long> tail = new ArrayList<>();
      loaded.forEachFrom(start, (i, v) -> tail.add(i));
      assertThat(tail).containsExactlyElementsOf(model.tailMap(start, true).keySet());
    }

    Assume.that(v3 || !emptiedAboveZero);
    Amt fresh = Amt.create(newStore(), options);
    for (Map.Entry<Long, Integer> e : model.entrySet()) {
      fresh.set(e.getKey(), value(e.getValue()));
    }
    assertThat(fresh.flush()).isEqualTo(root);
  }
}
