package io.filnode.chain.amt;

import static io.filnode.chain.amt.AmtVectorsTest.bytes;
import static io.filnode.chain.amt.AmtVectorsTest.newStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import org.junit.jupiter.api.Test;

/** go-amt-ipld's behavioural tests, and where v2 and v3 differ. */
class AmtGoSemanticsTest {
  @Test
  void v2OutOfRange() throws Exception {
    Amt a = Amt.create(newStore(), AmtOptions.v2());
    assertThatThrownBy(() -> a.set(Long.MIN_VALUE + 4, bytes("x")))
        .isInstanceOf(IllegalArgumentException.class);
    a.set(Amt.MAX_INDEX_V2, bytes("what is up"));
    assertThat(a.height()).isEqualTo(Amt.MAX_HEIGHT_V2);
  }

  @Test
  void v2DeleteGivesTheShapeOfTheSurvivors() throws Exception {
    IpldStore store = newStore();
    Amt a = Amt.create(store, AmtOptions.v2());
    for (int i = 0; i < 4; i++) {
      a.set(i, bytes("cat"));
    }
    for (int i : new int[] {1, 0, 2, 3}) {
      assertThat(a.delete(i)).isTrue();
    }
    assertThat(a.delete(200)).isFalse();
    a.set(23, bytes("dog"));
    a.set(24, bytes("dog"));
    a.delete(23);
    Amt b = Amt.create(store, AmtOptions.v2());
    b.set(24, bytes("dog"));
    assertThat(a.flush()).isEqualTo(b.flush());

    Amt c = Amt.create(store, AmtOptions.v2());
    c.set(1, bytes("thing"));
    Cid c1 = c.flush();
    c.set(37, bytes("other"));
    Amt c2 = Amt.load(store, c.flush(), AmtOptions.v2());
    c2.delete(37);
    assertThat(c2.flush()).isEqualTo(c1);
  }

  @Test
  void v2KeepsTheHeightOfAnAmtEmptiedByDeletesButV3DoesNot() throws Exception {
    IpldStore store = newStore();
    Amt v2 = Amt.create(store, AmtOptions.v2());
    Cid emptyV2 = v2.flush();
    v2.set(100, bytes("foo"));
    v2.delete(100);
    assertThat(v2.height()).isEqualTo(2);
    Cid after = v2.flush();
    assertThat(after).isNotEqualTo(emptyV2);
    // Go v2 writes [2, 0, [h'00', [], []]] here and reads it back.
    assertThat(store.blockstore().get(after))
        .isEqualTo(new byte[] {(byte) 0x83, 2, 0, (byte) 0x83, 0x41, 0, (byte) 0x80, (byte) 0x80});
    assertThat(Amt.load(store, after, AmtOptions.v2()).get(3)).isNull();

    Amt v3 = Amt.create(store, AmtOptions.v3(3));
    Cid emptyV3 = v3.flush();
    v3.set(100, bytes("foo"));
    v3.delete(100);
    assertThat(v3.height()).isZero();
    assertThat(v3.flush()).isEqualTo(emptyV3);
  }

  private static Cid putRoot(IpldStore store, long bitWidth, long height, long count, byte[] node) {
    CborWriter w = new CborWriter().writeArrayHeader(4).writeUint64(bitWidth);
    w.writeUint64(height).writeUint64(count).writeRaw(node);
    byte[] data = w.toByteArray();
    Cid cid = Cid.ofDagCbor(data);
    store.blockstore().put(cid, data);
    return cid;
  }

  @Test
  void v3RejectsInvalidRoots() throws Exception {
    IpldStore store = newStore();
    byte[] empty = {(byte) 0x83, 0x41, 0, (byte) 0x80, (byte) 0x80};
    byte[] oneValue = {(byte) 0x83, 0x41, 1, (byte) 0x80, (byte) 0x81, 0x40};
    // TestInvalidHeightEmpty and TestInvalidHeightSingle
    assertThatThrownBy(() -> Amt.load(store, putRoot(store, 3, 1, 0, empty), AmtOptions.v3(3)))
        .isInstanceOf(CborException.class);
    assertThatThrownBy(() -> Amt.load(store, putRoot(store, 3, 1, 1, oneValue), AmtOptions.v3(3)))
        .isInstanceOf(CborException.class);
    // the stored bit width must be the expected one
    assertThatThrownBy(() -> Amt.load(store, putRoot(store, 4, 0, 0, empty), AmtOptions.v3(3)))
        .isInstanceOf(CborException.class);
    // a count beyond what the height holds
    assertThatThrownBy(() -> Amt.load(store, putRoot(store, 3, 0, 9, oneValue), AmtOptions.v3(3)))
        .isInstanceOf(CborException.class);
    // a bitmap of the wrong size for the bit width
    assertThatThrownBy(() -> Amt.load(store, putRoot(store, 5, 0, 0, empty), AmtOptions.v3(5)))
        .isInstanceOf(CborException.class);
    assertThat(Amt.load(store, putRoot(store, 3, 0, 1, oneValue), AmtOptions.v3(3)).get(0))
        .isEqualTo(new byte[] {0x40});
  }

  @Test
  void batchDelete() throws Exception {
    Amt a = Amt.create(newStore(), AmtOptions.v3(3));
    a.batchSet(java.util.List.of(bytes("a"), bytes("b"), bytes("c"), bytes("d")));
    assertThat(a.batchDelete(new long[] {3, 1, 70}, false)).isTrue();
    assertThat(a.count()).isEqualTo(2);
    assertThatThrownBy(() -> a.batchDelete(new long[] {0, 9}, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(a.get(0)).isNull();
  }
}
