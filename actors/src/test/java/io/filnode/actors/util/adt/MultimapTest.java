package io.filnode.actors.util.adt;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.HamtOptions;
import io.filnode.chain.state.BuiltinActors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultimapTest {
  private final IpldStore store = new IpldStore(new MemoryBlockstore());
  private final HamtOptions hamt = BuiltinActors.hamtOptions(2);
  private final AmtOptions amt = AmtOptions.v2();

  private static CborEncodable uint(long v) {
    return w -> w.writeUint64(v);
  }

  private List<Long> values(Multimap mm, byte[] key) {
    List<Long> out = new ArrayList<>();
    mm.forEach(key, (i, v) -> out.add(new CborReader(v).readUint64()));
    return out;
  }

  @Test
  void keepsInsertionOrderPerKeyAcrossFlushAndLoad() {
    Multimap mm = Multimap.create(store, hamt, amt);
    mm.add(Keys.signed(1), uint(10));
    mm.add(Keys.signed(2), uint(20));
    mm.add(Keys.signed(1), uint(11));
    Cid root = mm.flush();

    Multimap loaded = Multimap.load(store, root, hamt, amt);
    loaded.add(Keys.signed(1), uint(12));
    assertThat(values(loaded, Keys.signed(1))).containsExactly(10L, 11L, 12L);
    assertThat(values(loaded, Keys.signed(2))).containsExactly(20L);
    assertThat(values(loaded, Keys.signed(3))).isEmpty();
    assertThat(loaded.get(Keys.signed(3))).isNull();
    assertThat(loaded.get(Keys.signed(1)).length()).isEqualTo(3);
  }

  @Test
  void removeAllDropsTheWholeListAndRestoresTheRoot() {
    Multimap mm = Multimap.create(store, hamt, amt);
    mm.add(Keys.signed(5), uint(1));
    Cid withOne = mm.flush();
    mm.add(Keys.signed(7), uint(2));
    mm.add(Keys.signed(7), uint(3));
    mm.removeAll(Keys.signed(7));
    assertThat(mm.flush()).isEqualTo(withOne);
    mm.removeAll(Keys.signed(5));
    assertThat(mm.flush()).isEqualTo(Multimap.create(store, hamt, amt).flush());
  }

  @Test
  void forAllVisitsEveryKeyWithItsList() {
    Multimap mm = Multimap.create(store, hamt, amt);
    for (long k = 0; k < 40; k++) {
      mm.add(Keys.uint(k), uint(k));
      mm.add(Keys.uint(k), uint(k + 100));
    }
    List<Long> seen = new ArrayList<>();
    mm.forAll(
        (key, arr) -> {
          assertThat(arr.length()).isEqualTo(2);
          seen.add(arr.get(1, CborReader::readUint64) - 100);
        });
    assertThat(seen).hasSize(40).doesNotHaveDuplicates();
  }
}
