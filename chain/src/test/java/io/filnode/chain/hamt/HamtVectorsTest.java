package io.filnode.chain.hamt;

import static io.filnode.chain.hamt.HamtTestSupport.IDENTITY;
import static io.filnode.chain.hamt.HamtTestSupport.cborBytes;
import static io.filnode.chain.hamt.HamtTestSupport.newStore;
import static io.filnode.chain.hamt.HamtTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Varint;
import org.junit.jupiter.api.Test;

/**
 * Fixed root CIDs for the v3 form, from the HAMT test suite of the Filecoin Rust implementations
 * (ChainSafe forest's ipld_hamt, carried on as ref-fvm's fvm_ipld_hamt), which is kept in parity
 * with go-hamt-ipld v3. Keys and values there are byte strings of decimal or text; the default bit
 * width there is 8.
 */
class HamtVectorsTest {
  private static Hamt create(int bitWidth) {
    return Hamt.create(newStore(), HamtOptions.v3(bitWidth));
  }

  private static String str(Cid cid) {
    return cid.toString();
  }

  @Test
  void emptyMapHasTheWellKnownCid() {
    // The empty map is the same bytes in both forms.
    assertThat(str(create(5).flush()))
        .isEqualTo("bafy2bzaceamp42wmmgr2g2ymg46euououzfyck7szknvfacqscohrvaikwfay");
    assertThat(str(Hamt.create(newStore(), HamtOptions.v2(5)).flush()))
        .isEqualTo("bafy2bzaceamp42wmmgr2g2ymg46euououzfyck7szknvfacqscohrvaikwfay");
  }

  @Test
  void setIfAbsent() throws Exception {
    IpldStore store = newStore();
    Hamt h = Hamt.create(store, HamtOptions.v3(8));
    assertThat(h.setIfAbsent(utf8("favorite-animal"), cborBytes("owl bear"))).isTrue();
    assertThat(h.setIfAbsent(utf8("favorite-animal"), cborBytes("bright green bear"))).isFalse();
    assertThat(h.setIfAbsent(utf8("favorite-animal"), cborBytes("owl bear"))).isFalse();
    Cid c = h.flush();
    Hamt h2 = Hamt.load(store, c, HamtOptions.v3(8));
    assertThat(h2.setIfAbsent(utf8("favorite-animal"), cborBytes("bright green bear"))).isFalse();
    assertThat(str(c)).isEqualTo("bafy2bzaced2tgnlsq4n2ioe6ldy75fw3vlrrkyfv4bq6didbwoob2552zvpuk");
  }

  @Test
  void setWithNoEffect() throws Exception {
    Hamt h = create(1);
    for (int i = 0; i < 30; i++) {
      h.set(utf8(Integer.toString(i)), cborBytes("filler"));
    }
    assertThat(str(h.flush()))
        .isEqualTo("bafy2bzacebjilcrsqa4uyxuh36gllup4rlgnvwgeywdm5yqq2ks4jrsj756qq");
    assertThat(h.set(utf8("favorite-animal"), cborBytes("bright green bear"))).isTrue();
    assertThat(str(h.flush()))
        .isEqualTo("bafy2bzacea7biyabzk7v7le2rrlec5tesjbdnymh5sk4lfprxibg4rtudwtku");
    assertThat(h.set(utf8("favorite-animal"), cborBytes("bright green bear"))).isFalse();
    assertThat(str(h.flush()))
        .isEqualTo("bafy2bzacea7biyabzk7v7le2rrlec5tesjbdnymh5sk4lfprxibg4rtudwtku");
  }

  @Test
  void delete() throws Exception {
    IpldStore store = newStore();
    Hamt h = Hamt.create(store, HamtOptions.v3(8));
    h.set(utf8("foo"), cborBytes("cat dog bear"));
    h.set(utf8("bar"), cborBytes("cat dog"));
    h.set(utf8("baz"), cborBytes("cat"));
    Cid c = h.flush();
    assertThat(str(c)).isEqualTo("bafy2bzacebql36crv4odvxzstx2ubaczmawy2tlljxezvorcsoqeyyojxkrom");
    Hamt h2 = Hamt.load(store, c, HamtOptions.v3(8));
    assertThat(h2.delete(utf8("foo"))).isTrue();
    assertThat(h2.get(utf8("foo"))).isNull();
    assertThat(str(h2.flush()))
        .isEqualTo("bafy2bzaced7up7wkm7cirieh5bs4iyula5inrprihmjzozmku3ywvekzzmlyi");
  }

  @Test
  void deleteCase() throws Exception {
    IpldStore store = newStore();
    Hamt h = Hamt.create(store, HamtOptions.v3(8));
    h.set(new byte[] {0}, cborBytes("Test data"));
    Cid c = h.flush();
    assertThat(str(c)).isEqualTo("bafy2bzaceb2hikcc6tfuuuuehjstbiq356oruwx6ejyse77zupq445unranv6");
    Hamt h2 = Hamt.load(store, c, HamtOptions.v3(8));
    assertThat(h2.delete(new byte[] {0})).isTrue();
    assertThat(str(h2.flush()))
        .isEqualTo("bafy2bzaceamp42wmmgr2g2ymg46euououzfyck7szknvfacqscohrvaikwfay");
  }

  @Test
  void setDeleteMany() throws Exception {
    IpldStore store = newStore();
    Hamt h = Hamt.create(store, HamtOptions.v3(5));
    for (int i = 0; i < 200; i++) {
      h.set(utf8(Integer.toString(i)), cborBytes(Integer.toString(i)));
    }
    String first = "bafy2bzaceczhz54xmmz3xqnbmvxfbaty3qprr6dq7xh5vzwqbirlsnbd36z7a";
    assertThat(str(h.flush())).isEqualTo(first);
    for (int i = 200; i < 400; i++) {
      h.set(utf8(Integer.toString(i)), cborBytes(Integer.toString(i)));
    }
    assertThat(str(h.flush()))
        .isEqualTo("bafy2bzacecxcp736xkl2mcyjlors3tug6vdlbispbzxvb75xlrhthiw2xwxvw");
    for (int i = 200; i < 400; i++) {
      assertThat(h.delete(utf8(Integer.toString(i)))).isTrue();
    }
    for (int i = 0; i < 200; i++) {
      assertThat(h.get(utf8(Integer.toString(i)))).isEqualTo(cborBytes(Integer.toString(i)));
    }
    assertThat(str(h.flush())).isEqualTo(first);

    Hamt loaded = Hamt.load(store, h.flush(), HamtOptions.v3(5));
    int[] count = {0};
    loaded.forEach(
        (k, v) -> {
          assertThat(v).isEqualTo(cborBytes(k));
          count[0]++;
        });
    assertThat(count[0]).isEqualTo(200);
    assertThat(str(loaded.flush())).isEqualTo(first);
  }

  private static void addAndRemoveKeys(int bitWidth, String[] keys, String[] extra, String expected)
      throws Exception {
    IpldStore store = newStore();
    HamtOptions options = HamtOptions.v3(bitWidth).withHasher(IDENTITY);
    Hamt h = Hamt.create(store, options);
    for (int i = 0; i < keys.length; i++) {
      h.set(utf8(keys[i]), cborBytes(Integer.toString(i)));
    }
    Cid c1 = h.flush();
    Hamt h1 = Hamt.load(store, c1, options);
    for (int i = 0; i < keys.length; i++) {
      assertThat(h1.get(utf8(keys[i]))).isEqualTo(cborBytes(Integer.toString(i)));
    }
    for (String k : extra) {
      h.set(utf8(k), cborBytes("0"));
    }
    for (String k : extra) {
      h.delete(utf8(k));
    }
    Cid c2 = h.flush();
    assertThat(c2).isEqualTo(c1);
    assertThat(str(c1)).isEqualTo(expected);
  }

  @Test
  void canonicalStructure() throws Exception {
    addAndRemoveKeys(
        8,
        new String[] {"K"},
        new String[] {"B"},
        "bafy2bzacecosy45hp4sz2t4o4flxvntnwjy7yaq43bykci22xycpeuj542lse");
    addAndRemoveKeys(
        8,
        new String[] {"K0", "K1", "KAA1", "KAA2", "KAA3"},
        new String[] {"KAA4"},
        "bafy2bzaceaqdaj5aqkwugr7wx4to3fahynoqlxuo5j6xznly3khazgyxihkbo");
  }

  @Test
  void canonicalStructureAlternateBitWidth() throws Exception {
    String[] kb = {
      "bafy2bzacec3cquclaqkb32cntwtizgij55b7isb4s5hv5hv5ujbbeu6clxkug",
      "bafy2bzacebj7b2jahw7nxmu6mlhkwzucjmfq7aqlj52jusqtufqtaxcma4pdm",
      "bafy2bzacedrwwndijql6lmmtyicjwyehxtgey5fhzocc43hrzhetrz25v2k2y",
    };
    String[] other = {
      "bafy2bzacedbiipe7l7gbtjandyyl6rqlkuqr2im2nl7d4bljidv5mta22rjqk",
      "bafy2bzaceb3c76qlbsiv3baogpao3zah56eqonsowpkof33o5hmncfow4seso",
      "bafy2bzacebhkyrwfexokaoygsx2crydq3fosiyfoa5bthphntmicsco2xf442",
    };
    for (int w = 5; w < 8; w++) {
      addAndRemoveKeys(w, new String[] {"K"}, new String[] {"B"}, kb[w - 5]);
      addAndRemoveKeys(
          w,
          new String[] {"K0", "K1", "KAA1", "KAA2", "KAA3"},
          new String[] {"KAA4"},
          other[w - 5]);
    }
  }

  @Test
  void cleanChildOrdering() throws Exception {
    IpldStore store = newStore();
    HamtOptions options = HamtOptions.v3(5);
    Hamt h = Hamt.create(store, options);
    byte[] value = {0x18, 42};
    for (int i = 100; i < 195; i++) {
      h.set(Varint.encode(i), value);
    }
    Cid root = h.flush();
    assertThat(str(root))
        .isEqualTo("bafy2bzacebqox3gtng4ytexyacr6zmaliyins3llnhbnfbcrqmhzuhmuuawqk");
    Hamt h2 = Hamt.load(store, root, options);
    h2.delete(Varint.encode(104));
    h2.delete(Varint.encode(108));
    Cid after = h2.flush();
    Hamt.load(store, after, options).forEach((k, v) -> {});
    assertThat(str(after))
        .isEqualTo("bafy2bzacedlyeuub3mo4aweqs7zyxrbldsq2u4a2taswubudgupglu2j4eru6");
  }
}
