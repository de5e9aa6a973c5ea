package io.filnode.chain.hamt;

import static io.filnode.chain.hamt.HamtTestSupport.IDENTITY;
import static io.filnode.chain.hamt.HamtTestSupport.cborBytes;
import static io.filnode.chain.hamt.HamtTestSupport.newStore;
import static io.filnode.chain.hamt.HamtTestSupport.stats;
import static io.filnode.chain.hamt.HamtTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** go-hamt-ipld's behavioural tests (TestOverflow, TestFillAndCollapse, TestMalformedHamt). */
class HamtGoSemanticsTest {
  private static HamtOptions identity8(HamtVersion v) {
    return new HamtOptions(8, v, IDENTITY);
  }

  @ParameterizedTest
  @EnumSource(HamtVersion.class)
  void overflowBeyondTheHashIsAnError(HamtVersion v) throws Exception {
    Hamt h = Hamt.create(newStore(), identity8(v));
    String a32 = "A".repeat(32);
    for (int i = 0; i < 3; i++) {
      h.set(utf8(a32 + i), cborBytes("foobar"));
    }
    assertThatThrownBy(() -> h.set(utf8(a32 + 3), cborBytes("bad")))
        .isInstanceOf(CborException.class)
        .hasMessageContaining("deeper");
    // One byte shorter: the 32nd level still has a bit to tell them apart.
    h.set(utf8((a32 + 3).substring(1)), cborBytes("bad"));
    assertThat(h.get(utf8(a32 + 0))).isEqualTo(cborBytes("foobar"));
  }

  @ParameterizedTest
  @EnumSource(HamtVersion.class)
  void fillAndCollapse(HamtVersion v) throws Exception {
    IpldStore store = newStore();
    HamtOptions o = identity8(v);
    Hamt root = Hamt.create(store, o);
    byte[] val = cborBytes("value");
    for (String k : new String[] {"AAAAAA11", "AAAAAA12", "AAAAAA21"}) {
      root.set(utf8(k), val);
    }
    Cid base = root.flush();
    assertThat(stats(store, base, o)).isEqualTo(new HamtTestSupport.Stats(1, 3, Map.of(3, 1)));

    root.set(utf8("AAAAAA22"), val);
    assertThat(stats(store, root.flush(), o))
        .isEqualTo(new HamtTestSupport.Stats(7, 4, Map.of(2, 2)));
    root.delete(utf8("AAAAAA22"));
    assertThat(root.flush()).isEqualTo(base);

    for (String k : new String[] {"AAA11AA", "AAA12AA", "AAA13AA"}) {
      root.set(utf8(k), val);
    }
    Cid mid = root.flush();
    assertThat(stats(store, mid, o)).isEqualTo(new HamtTestSupport.Stats(4, 6, Map.of(3, 2)));
    root.set(utf8("AAA14AA"), val);
    assertThat(stats(store, root.flush(), o))
        .isEqualTo(new HamtTestSupport.Stats(5, 7, Map.of(1, 4, 3, 1)));
    root.set(utf8("AAAAAA22"), val);
    assertThat(stats(store, root.flush(), o))
        .isEqualTo(new HamtTestSupport.Stats(8, 8, Map.of(1, 4, 2, 2)));
    root.delete(utf8("AAAAAA22"));
    root.delete(utf8("AAA14AA"));
    assertThat(root.flush()).isEqualTo(mid);
    for (String k : new String[] {"AAA11AA", "AAA12AA", "AAA13AA"}) {
      assertThat(root.delete(utf8(k))).isTrue();
    }
    assertThat(root.flush()).isEqualTo(base);
  }

  // --- TestMalformedHamt, v2 form, built from raw CBOR as Go's test does -------------------

  private static final Cid ROOT =
      Cid.parse("bafy2bzaceab7vkg5c3zti7ebqensb3onksjkc4wwktkiledkezgvnbvzs4cti");
  private static final Cid CHILD =
      Cid.parse("bafy2bzaceab7vkg5c3zti7ebqensb3onksjkc4wwktkiledkezgvnbvzs4cqa");

  private static byte[] cat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  private static byte[] b(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  /** A v2 bucket pointer {"1": [[k, bytes(v)]…]} of one-byte keys and values. */
  private static byte[] bucket(int... kv) {
    byte[] entries = new byte[0];
    for (int i = 0; i < kv.length; i += 2) {
      entries = cat(entries, b(0x82, 0x41, kv[i], 0x41, kv[i + 1]));
    }
    return cat(b(0xa1, 0x61, 0x31, 0x80 + kv.length / 2), entries);
  }

  private static byte[] link(Cid c) {
    return cat(b(0xa1, 0x61, 0x30, 0xd8, 0x2a, 0x58, c.byteLength() + 1, 0), c.bytes());
  }

  private static byte[] node(byte[] bitfield, byte[]... pointers) {
    return cat(b(0x82, 0x40 + bitfield.length), bitfield, b(0x80 + pointers.length), cat(pointers));
  }

  private static IpldStore storeWith(byte[] root, byte[] child) {
    MemoryBlockstore blocks = new MemoryBlockstore();
    blocks.put(ROOT, root);
    if (child != null) {
      blocks.put(CHILD, child);
    }
    return new IpldStore(blocks);
  }

  private static Hamt load(byte[] root, byte[] child, int bitWidth) throws CborException {
    return Hamt.load(
        storeWith(root, child), ROOT, new HamtOptions(bitWidth, HamtVersion.V2, IDENTITY));
  }

  private static void assertMalformed(byte[] root, int bitWidth) {
    assertThatThrownBy(() -> load(root, null, bitWidth)).isInstanceOf(CborException.class);
  }

  @org.junit.jupiter.api.Test
  void malformedNodes() throws Exception {
    assertThat(load(node(b(0x01), bucket(0x00, 0xff)), null, 8).get(b(0x00)))
        .isEqualTo(b(0x41, 0xff));
    byte[][] ten = new byte[10][];
    for (int i = 0; i < 10; i++) {
      ten[i] = bucket(i, 0xf0 + i);
    }
    byte[] tenNode = node(b(0x03, 0xff), ten);
    Hamt h = load(tenNode, null, 8);
    for (int i = 0; i < 10; i++) {
      assertThat(h.get(b(i))).isEqualTo(b(0x41, 0xf0 + i));
    }
    assertMalformed(tenNode, 3); // ten pointers cannot fit 8 slots
    assertMalformed(node(b(0x03), bucket(0, 0xff), bucket(0, 0xff), bucket(0, 0xff)), 8);
    // a pointer with both a link and a bucket
    byte[] both =
        cat(
            b(0xa2, 0x61, 0x30, 0xd8, 0x2a, 0x58, ROOT.byteLength() + 1, 0),
            ROOT.bytes(),
            b(0x61, 0x31, 0x81, 0x82, 0x41, 0x01, 0x41, 0xfe));
    assertMalformed(node(b(0x03), bucket(0x01, 0xff), both), 8);
    load(node(b(0x01), link(ROOT)), null, 8); // a link is fine until followed
    byte[] dagPb =
        Hex.decode("0170a0e4022003faa8dd16f3347c81811b20edcd5492a172d654d485906a264d5686b9970534");
    assertMalformed(node(b(0x01), link(Cid.fromBytes(dagPb))), 8);
    assertMalformed(node(b(0x01), bucket()), 8);
    assertMalformed(node(b(0x01), bucket(0, 0xff, 1, 0xff, 2, 0xff, 3, 0xff)), 8);
    assertMalformed(node(b(0x01), bucket(1, 0xff, 0, 0xff)), 8);
    assertMalformed(node(b(0x01), bucket(0, 1, 1, 0xf0, 1, 0xff)), 8);
    load(node(b(0x00)), null, 8); // the empty root, with a zero byte as its bitfield
    load(node(b()), null, 8);

    byte[] toChild = node(b(0x01), link(CHILD));
    for (byte[] badChild :
        new byte[][] {
          node(b(0x00)),
          node(b(0x01), bucket(0, 1)),
          node(b(0x07), bucket(0, 1), bucket(1, 1), bucket(2, 1)),
        }) {
      Hamt withChild = load(toChild, badChild, 8);
      assertThatThrownBy(() -> withChild.get(b(0x00, 0x01))).isInstanceOf(CborException.class);
    }
    // Few direct entries but a link of its own: allowed.
    byte[] okChild =
        node(
            b(0x03),
            cat(b(0xa1, 0x61, 0x31, 0x81, 0x82, 0x42, 0x00, 0x01, 0x41, 0xff)),
            link(CHILD));
    load(toChild, okChild, 8).get(b(0x00, 0x01));
  }
}
