package io.filnode.actors.util.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.runtime.ActorException;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.HamtOptions;
import io.filnode.chain.state.BuiltinActors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetMultimapTest {
  private static final HamtOptions HAMT = BuiltinActors.hamtOptions(2);
  private final IpldStore store = new IpldStore(new MemoryBlockstore());

  private List<Long> values(SetMultimap mm, long key) {
    List<Long> out = new ArrayList<>();
    mm.forEach(key, out::add);
    return out;
  }

  @Test
  void removeAllOfAnAbsentKeyIsNotAnError() {
    // TestRemoveAllError in specs-actors v2 market_test.go.
    SetMultimap mm = SetMultimap.create(store, HAMT);
    mm.removeAll(42);
    assertThat(values(mm, 42)).isEmpty();
  }

  @Test
  void putManyAddsToTheSetOfAKeyAndRemoveAllDropsIt() {
    SetMultimap mm = SetMultimap.create(store, HAMT);
    mm.put(7, 3);
    mm.putMany(7, List.of(1L, 3L, 200L));
    mm.put(8, 5);
    Cid root = mm.root();

    SetMultimap reloaded = SetMultimap.load(store, root, HAMT);
    assertThat(values(reloaded, 7)).containsExactlyInAnyOrder(1L, 3L, 200L);
    assertThat(values(reloaded, 8)).containsExactly(5L);
    reloaded.removeAll(7);
    assertThat(values(reloaded, 7)).isEmpty();
    assertThat(values(reloaded, 8)).containsExactly(5L);
  }

  @Test
  void theRootDoesNotDependOnInsertionOrder() {
    SetMultimap a = SetMultimap.create(store, HAMT);
    a.putMany(1, List.of(10L, 20L, 30L));
    SetMultimap b = SetMultimap.create(store, HAMT);
    b.put(1, 30);
    b.put(1, 10);
    b.put(1, 20);
    assertThat(a.root()).isEqualTo(b.root());
  }

  @Test
  void setValuesAreCborNull() {
    // Go puts a nil value under each key, which its CBOR library writes as null (0xf6).
    Set set = Set.create(store, HAMT);
    set.put(Keys.uint(9));
    Cid root = set.root();
    byte[][] value = new byte[1][];
    AdtMap.load(store, root, HAMT).forEach((k, v) -> value[0] = v);
    assertThat(value[0]).containsExactly(0xf6);
    assertThat(Set.load(store, root, HAMT).has(Keys.uint(9))).isTrue();
    assertThat(Set.load(store, root, HAMT).has(Keys.uint(10))).isFalse();
  }

  @Test
  void parseUIntKeyIsGoUvarint() {
    assertThat(SetMultimap.parseUIntKey(Keys.uint(300))).isEqualTo(300);
    assertThat(SetMultimap.parseUIntKey(Keys.uint(-1L))).isEqualTo(-1L); // 2^64-1
    // Go's Uvarint accepts a non-minimal encoding: 0x80 0x00 is 0.
    assertThat(SetMultimap.parseUIntKey(new byte[] {(byte) 0x80, 0})).isZero();
    // but the key must be consumed whole.
    assertThatThrownBy(() -> SetMultimap.parseUIntKey(new byte[] {1, 2}))
        .isInstanceOf(ActorException.class);
    assertThatThrownBy(() -> SetMultimap.parseUIntKey(new byte[] {(byte) 0x80}))
        .isInstanceOf(ActorException.class);
  }
}
