package io.filnode.chain.amt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixed root CIDs from the AMT test suite of ref-fvm's fvm_ipld_amt (kept in parity with
 * go-amt-ipld v3; its "Amtv0" is the v0/v2 serialization). Values there are CBOR byte strings.
 */
class AmtVectorsTest {
  static IpldStore newStore() {
    return new IpldStore(new MemoryBlockstore());
  }

  static byte[] bytes(String s) {
    return new CborWriter().writeBytes(s.getBytes(StandardCharsets.UTF_8)).toByteArray();
  }

  static byte[] text(String s) {
    return new CborWriter().writeText(s).toByteArray();
  }

  @Test
  void basicSetGet() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v3(3));
    assertThat(a.set(2, bytes("foo"))).isTrue();
    assertThat(a.get(2)).isEqualTo(bytes("foo"));
    assertThat(a.count()).isEqualTo(1);
    Cid c = a.flush();
    assertThat(Amt.load(store, c, AmtOptions.v3(3)).get(2)).isEqualTo(bytes("foo"));
    assertThat(c.toString())
        .isEqualTo("bafy2bzacedv5uu5za6oqtnozjvju5lhbgaybayzhw4txiojw7hd47ktgbv5wc");
  }

  @Test
  void legacyBasicSetGet() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v2());
    a.set(2, bytes("foo"));
    Cid c = a.flush();
    Amt loaded = Amt.load(store, c, AmtOptions.v2());
    assertThat(loaded.get(2)).isEqualTo(bytes("foo"));
    assertThat(loaded.count()).isEqualTo(1);
    assertThat(c.toString())
        .isEqualTo("bafy2bzaceansvim5z2rzifilsbzsjuoul2adx7iad7x3b4paj3qsexqf6ovxk");
  }

  @Test
  void outOfRange() throws Exception {
    Amt a = Amt.create(newStore(), AmtOptions.v3(3));
    a.set(Amt.MAX_INDEX_V3, bytes("what is up"));
    assertThat(a.height()).isEqualTo(21);
    assertThatThrownBy(() -> a.set(Amt.MAX_INDEX_V3 + 1, bytes("what is up")))
        .isInstanceOf(IllegalArgumentException.class);
    a.set(Amt.MAX_INDEX_V3 - 1, bytes("what is up"));
    assertThat(a.height()).isEqualTo(21);
    assertThat(a.flush().toString())
        .isEqualTo("bafy2bzacecl3zuubhdvkojg6uhbu4mebaehx554q6algfjitqiivvnrqprkxo");
  }

  @Test
  void expand() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v3(3));
    a.set(2, bytes("foo"));
    a.set(11, bytes("bar"));
    a.set(79, bytes("baz"));
    Cid c = a.flush();
    Amt b = Amt.load(store, c, AmtOptions.v3(3));
    assertThat(b.get(2)).isEqualTo(bytes("foo"));
    assertThat(b.get(11)).isEqualTo(bytes("bar"));
    assertThat(b.get(79)).isEqualTo(bytes("baz"));
    assertThat(c.toString())
        .isEqualTo("bafy2bzacecughjbclx3lbqwibrwc6pe7nttlc3qewedsrayghsvh5j5lpofiq");
  }

  @Test
  void bulkInsert() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v3(3));
    for (int i = 0; i < 5000; i++) {
      a.set(i, bytes("foo foo bar"));
    }
    assertThat(a.count()).isEqualTo(5000);
    Cid c = a.flush();
    Amt b = Amt.load(store, c, AmtOptions.v3(3));
    for (int i = 0; i < 5000; i++) {
      assertThat(b.get(i)).isEqualTo(bytes("foo foo bar"));
    }
    assertThat(c.toString())
        .isEqualTo("bafy2bzacecfquuqzqzlox25aynodzw2qhxijdzfvno6tibyes3kb6nd3f7uxa");
  }

  @Test
  void delete() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v3(3));
    for (int i = 0; i < 4; i++) {
      a.set(i, bytes("cat"));
    }
    assertThat(a.delete(1)).isTrue();
    assertThat(a.get(1)).isNull();
    assertThat(a.count()).isEqualTo(3);
    a.delete(0);
    a.delete(2);
    a.delete(3);
    assertThat(a.count()).isZero();
    a.set(23, bytes("dog"));
    a.set(24, bytes("dog"));
    a.delete(23);
    assertThat(a.count()).isEqualTo(1);
    Cid c = a.flush();
    Amt b = Amt.create(store, AmtOptions.v3(3));
    b.set(24, bytes("dog"));
    assertThat(b.flush()).isEqualTo(c);
    assertThat(c.toString())
        .isEqualTo("bafy2bzacebnnxpurpb3zqqr22i7ch4uruz6hgykn3ryzoo4hh3ox2m2kufsvg");
  }

  @Test
  void deleteFailCheck() throws Exception {
    Amt a = Amt.create(newStore(), AmtOptions.v3(3));
    a.set(1, text("one"));
    a.set(9, text("nine"));
    assertThat(a.height()).isEqualTo(1);
    assertThat(a.delete(10)).isFalse();
    assertThat(a.delete(0)).isFalse();
    assertThat(a.count()).isEqualTo(2);
    assertThat(a.get(1)).isEqualTo(text("one"));
    assertThat(a.get(9)).isEqualTo(text("nine"));
  }

  @Test
  void deleteFirstEntry() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v3(3));
    a.set(0, bytes("cat"));
    a.set(27, bytes("cat"));
    assertThat(a.height()).isEqualTo(1);
    a.delete(27);
    assertThat(a.count()).isEqualTo(1);
    Cid c = a.flush();
    assertThat(Amt.load(store, c, AmtOptions.v3(3)).height()).isZero();
    assertThat(c.toString())
        .isEqualTo("bafy2bzacecmxrjeri2ojuy3riae2mpbnztx2hqggqgkcrxao2nwpga77j2vqe");
  }

  @Test
  void deleteReduceHeight() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v3(3));
    a.set(1, bytes("thing"));
    Cid c1 = a.flush();
    a.set(37, bytes("other"));
    assertThat(a.height()).isEqualTo(1);
    Cid c2 = a.flush();
    Amt a2 = Amt.load(store, c2, AmtOptions.v3(3));
    assertThat(a2.delete(37)).isTrue();
    assertThat(a2.height()).isZero();
    assertThat(a2.flush()).isEqualTo(c1);
    assertThat(c1.toString())
        .isEqualTo("bafy2bzacebmkyah6kppbszluix3g332hntzx6wfdcqcr5hjdsaxri5jhgrdmo");
  }

  @Test
  void forEach() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v3(3));
    List<Long> indexes = new ArrayList<>();
    for (long i = 0; i < 10000; i++) {
      if ((i + 1) % 3 == 0) {
        indexes.add(i);
        a.set(i, bytes("value"));
      }
    }
    Cid c = a.flush();
    List<Long> seen = new ArrayList<>();
    Amt.load(store, c, AmtOptions.v3(3)).forEach((i, v) -> seen.add(i));
    assertThat(seen).isEqualTo(indexes);
    assertThat(c.toString())
        .isEqualTo("bafy2bzaceanqxtbsuyhqgxubiq6vshtbhktmzp2if4g6kxzttxmzkdxmtipcm");

    for (long start : new long[] {0, 1, 2, 3, 500, 8190, 9998, 9999, 10000, 1 << 20}) {
      List<Long> from = new ArrayList<>();
      a.forEachFrom(start, (i, v) -> from.add(i));
      assertThat(from).isEqualTo(indexes.stream().filter(i -> i >= start).toList());
    }
  }

  @Test
  void forEachMutateUnchanged() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v3(3));
    for (long i : new long[] {1, 9, 66, 74, 82, 515}) {
      a.set(i, bytes("value"));
    }
    Cid c = a.flush();
    Amt b = Amt.load(store, c, AmtOptions.v3(3));
    // Rewriting a value with itself leaves the root as it was.
    b.set(1, b.get(1));
    b.set(74, b.get(74));
    assertThat(b.flush()).isEqualTo(c);
    assertThat(c.toString())
        .isEqualTo("bafy2bzaced44wtasbcukqjqicvxzcyn5up6sorr5khzbdkl6zjeo736f377ew");
  }

  @Test
  void deleteBug() throws Exception {
    Amt a = Amt.create(newStore(), AmtOptions.v3(3));
    Cid empty = a.flush();
    a.set(100_000, bytes("foo"));
    a.delete(100_000);
    assertThat(a.flush()).isEqualTo(empty);
    assertThat(empty.toString())
        .isEqualTo("bafy2bzacedijw74yui7otvo63nfl3hdq2vdzuy7wx2tnptwed6zml4vvz7wee");
  }
}
