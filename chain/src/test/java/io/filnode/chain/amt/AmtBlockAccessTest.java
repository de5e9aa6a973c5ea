package io.filnode.chain.amt;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.CountingBlockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import org.junit.jupiter.api.Test;

/**
 * The block reads and writes of AMT operations, which the VM charges as gas, as go-amt-ipld v2.1.0
 * does them (amt.go): growing writes the old root at once and keeps only its link, Flush writes
 * every cached node, ForEach does not cache what it reads.
 */
class AmtBlockAccessTest {
  private static final byte[] VALUE = new CborWriter().writeUint64(1).toByteArray();

  private static Cid heightOne(IpldStore store) throws CborException {
    Amt a = Amt.create(store, AmtOptions.v2());
    for (int i = 0; i < 16; i++) {
      a.set(i, VALUE);
    }
    return a.flush();
  }

  @Test
  void growingWritesTheOldRootAndReadsItBack() throws CborException {
    CountingBlockstore bs = new CountingBlockstore();
    Amt a = Amt.create(new IpldStore(bs), AmtOptions.v2());
    for (int i = 0; i < 8; i++) {
      a.set(i, VALUE);
    }
    assertThat(bs.puts()).isZero();
    a.set(8, VALUE);
    assertThat(bs.puts()).isEqualTo(1);
    assertThat(bs.gets()).isZero();
    a.set(3, VALUE);
    assertThat(bs.gets()).isEqualTo(1);
  }

  @Test
  void flushRewritesNodesThatWereOnlyRead() throws CborException {
    CountingBlockstore bs = new CountingBlockstore();
    IpldStore store = new IpldStore(bs);
    Cid root = heightOne(store);
    bs.reset();
    Amt a = Amt.load(store, root, AmtOptions.v2());
    a.get(0);
    assertThat(bs.gets()).isEqualTo(2);
    assertThat(a.flush()).isEqualTo(root);
    assertThat(bs.puts()).isEqualTo(2);
    assertThat(a.flush()).isEqualTo(root);
    assertThat(bs.puts()).isEqualTo(4);
  }

  @Test
  void forEachDoesNotCache() throws CborException {
    CountingBlockstore bs = new CountingBlockstore();
    IpldStore store = new IpldStore(bs);
    Cid root = heightOne(store);
    bs.reset();
    Amt a = Amt.load(store, root, AmtOptions.v2());
    a.forEach((i, v) -> {});
    a.forEach((i, v) -> {});
    assertThat(bs.gets()).isEqualTo(1 + 2 * 2);
    assertThat(a.flush()).isEqualTo(root);
    assertThat(bs.puts()).isEqualTo(1);
  }
}
