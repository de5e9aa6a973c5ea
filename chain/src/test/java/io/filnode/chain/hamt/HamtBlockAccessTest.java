package io.filnode.chain.hamt;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.CountingBlockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import org.junit.jupiter.api.Test;

/**
 * The block reads and writes of HAMT operations, which the VM charges as gas: go-hamt-ipld v2.0.0
 * (hamt.go: loadChild caches, Flush writes every cached child and drops it, a full bucket's new
 * child is written at once) versus v3 (Flush writes dirty children only and keeps them).
 */
class HamtBlockAccessTest {
  private static final byte[] VALUE = new CborWriter().writeUint64(7).toByteArray();

  /**
   * Keys whose identity hash puts them all under index 0 at the root (first 5 bits zero) and, for i
   * below 8, each under its own index one level down.
   */
  private static byte[] key(int i) {
    return new byte[] {(byte) i, 0};
  }

  private static Cid twoLevel(IpldStore store, HamtOptions o) throws CborException {
    Hamt h = Hamt.create(store, o);
    for (int i = 0; i < 4; i++) {
      h.set(key(i), VALUE);
    }
    return h.flush();
  }

  @Test
  void v2FlushRewritesChildrenThatWereOnlyRead() throws CborException {
    CountingBlockstore bs = new CountingBlockstore();
    IpldStore store = new IpldStore(bs);
    HamtOptions o = HamtOptions.v2(5).withHasher(HamtTestSupport.IDENTITY);
    Cid root = twoLevel(store, o);
    bs.reset();
    Hamt h = Hamt.load(store, root, o);
    assertThat(h.get(key(1))).isEqualTo(VALUE);
    assertThat(bs.gets()).isEqualTo(2);
    assertThat(h.flush()).isEqualTo(root);
    assertThat(bs.puts()).isEqualTo(2);
    // the child left the cache: reading it again loads it again
    h.get(key(2));
    assertThat(bs.gets()).isEqualTo(3);
  }

  @Test
  void v3FlushWritesOnlyChangedChildrenAndKeepsThem() throws CborException {
    CountingBlockstore bs = new CountingBlockstore();
    IpldStore store = new IpldStore(bs);
    HamtOptions o = HamtOptions.v3(5).withHasher(HamtTestSupport.IDENTITY);
    Cid root = twoLevel(store, o);
    bs.reset();
    Hamt h = Hamt.load(store, root, o);
    h.get(key(1));
    assertThat(h.flush()).isEqualTo(root);
    assertThat(bs.puts()).isEqualTo(1);
    h.get(key(2));
    assertThat(bs.gets()).isEqualTo(2);
  }

  @Test
  void v2WritesAnOverflowingBucketsChildAtOnceAndReadsItBack() throws CborException {
    CountingBlockstore bs = new CountingBlockstore();
    Hamt h = Hamt.create(new IpldStore(bs), HamtOptions.v2(5).withHasher(HamtTestSupport.IDENTITY));
    for (int i = 0; i < 3; i++) {
      h.set(key(i), VALUE);
    }
    assertThat(bs.puts()).isZero();
    h.set(key(3), VALUE);
    assertThat(bs.puts()).isEqualTo(1);
    h.set(key(4), VALUE);
    assertThat(bs.gets()).isEqualTo(1);
  }

  @Test
  void v3KeepsAnOverflowingBucketsChildInMemory() throws CborException {
    CountingBlockstore bs = new CountingBlockstore();
    Hamt h = Hamt.create(new IpldStore(bs), HamtOptions.v3(5).withHasher(HamtTestSupport.IDENTITY));
    for (int i = 0; i < 5; i++) {
      h.set(key(i), VALUE);
    }
    assertThat(bs.puts()).isZero();
    assertThat(bs.gets()).isZero();
  }

  @Test
  void bothVersionsGiveTheSameRoot() throws CborException {
    IpldStore s2 = new IpldStore(new CountingBlockstore());
    IpldStore s3 = new IpldStore(new CountingBlockstore());
    Hamt a = Hamt.create(s2, HamtOptions.v2(5).withHasher(HamtTestSupport.IDENTITY));
    Hamt b = Hamt.create(s3, HamtOptions.v2(5).withHasher(HamtTestSupport.IDENTITY));
    for (int i = 0; i < 8; i++) {
      a.set(key(i), VALUE);
      b.set(key(i), VALUE);
      if (i % 3 == 0) {
        a.flush();
      }
    }
    assertThat(a.flush()).isEqualTo(b.flush());
  }
}
