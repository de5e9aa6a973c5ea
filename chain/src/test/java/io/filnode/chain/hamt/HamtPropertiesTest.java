package io.filnode.chain.hamt;

import static io.filnode.chain.hamt.HamtTestSupport.newStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The HAMT against an in-memory map, and history independence, in both forms. */
class HamtPropertiesTest {
  private static byte[] key(int k) {
    return ("k" + k).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int v) {
    return new CborWriter().writeUint64(v).toByteArray();
  }

  /**
   * Each op is a key in 0–199 and a value; a negative value deletes. The result must read as the
   * model, survive a flush and reload, and have the root of a HAMT holding only the survivors.
   */
  @Property(tries = 150)
  void behavesAsAMapAndEndsInTheCanonicalShape(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 199) Integer> keys,
      @ForAll @Size(max = 400) List<@IntRange(min = -40, max = 1000) Integer> values,
      @ForAll @IntRange(min = 1, max = 8) int bitWidth,
      @ForAll boolean v3)
      throws Exception {
    HamtOptions options = v3 ? HamtOptions.v3(bitWidth) : HamtOptions.v2(bitWidth);
    IpldStore store = newStore();
    Hamt h = Hamt.create(store, options);
    Map<Integer, Integer> model = new TreeMap<>();
    int n = Math.min(keys.size(), values.size());
    for (int i = 0; i < n; i++) {
      int k = keys.get(i);
      int v = values.get(i);
      if (v < 0) {
        assertThat(h.delete(key(k))).isEqualTo(model.remove(k) != null);
      } else {
        Integer old = model.put(k, v);
        assertThat(h.set(key(k), value(v))).isEqualTo(old == null || old != v);
      }
      if (i % 50 == 49) {
        h.flush(); // flushing midway must not change the outcome
      }
    }
    Cid root = h.flush();
    Hamt loaded = Hamt.load(store, root, options);
    for (int k = 0; k < 200; k++) {
      Integer expected = model.get(k);
      assertThat(loaded.get(key(k))).isEqualTo(expected == null ? null : value(expected));
    }
    List<String> seen = new ArrayList<>();
    loaded.forEach((k, v) -> seen.add(new String(k, StandardCharsets.UTF_8)));
    assertThat(seen).hasSize(model.size());
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(model.keySet().stream().map(k -> "k" + k).toList());

    Hamt fresh = Hamt.create(newStore(), options);
    for (Map.Entry<Integer, Integer> e : model.entrySet()) {
      fresh.set(key(e.getKey()), value(e.getValue()));
    }
    assertThat(fresh.flush()).isEqualTo(root);
  }
}
