package io.filnode.chain.amt;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.CountingBlockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import org.junit.jupiter.api.Test;

/**
 * The gets and puts an AMT makes, which the VM charges as gas: go-amt-ipld v2.1.0 writes the old
 * root when the tree grows, walks unloaded nodes without caching them, and re-writes every loaded
 * node on Flush; v3 caches and writes only what changed.
 */
class AmtStoreAccessTest {
  private static final byte[] VALUE = {0x01};

  private static Cid build(IpldStore store, AmtOptions options) throws Exception {
    Amt a = Amt.create(store, options);
    for (long i = 0; i < 100; i += 7) {
      a.set(i, VALUE);
    }
    return a.flush();
  }

  @Test
  void v2GrowingTheTreeWritesTheOldRootAtOnce() throws Exception {
    CountingBlockstore blocks = new CountingBlockstore();
    Amt a = Amt.create(new IpldStore(blocks), AmtOptions.v2());
    a.set(0, VALUE);
    assertThat(blocks.puts()).isZero();
    a.set(8, VALUE); // width 8: index 8 needs height 1
    assertThat(blocks.puts()).isEqualTo(1);
    a.set(1, VALUE); // below the written node: it is loaded again
    assertThat(blocks.gets()).isEqualTo(1);
  }

  @Test
  void v2WalksWithoutCachingAndFlushRewritesLoadedNodes() throws Exception {
    CountingBlockstore blocks = new CountingBlockstore();
    IpldStore store = new IpldStore(blocks);
    Cid root = build(store, AmtOptions.v2());

    blocks.reset();
    Amt a = Amt.load(store, root, AmtOptions.v2());
    int afterLoad = blocks.gets();
    a.forEach((i, v) -> {});
    int walk = blocks.gets() - afterLoad;
    assertThat(walk).isGreaterThan(1);
    a.forEach((i, v) -> {});
    assertThat(blocks.gets() - afterLoad).isEqualTo(2 * walk);
    assertThat(a.flush()).isEqualTo(root);
    assertThat(blocks.puts()).isEqualTo(1); // nothing was loaded into the tree: only the root

    blocks.reset();
    a.get(14);
    int loaded = blocks.gets();
    assertThat(a.flush()).isEqualTo(root);
    assertThat(blocks.puts()).isEqualTo(loaded + 1); // the loaded path, unchanged, and the root
  }

  @Test
  void v3CachesWalksAndWritesOnlyTheRoot() throws Exception {
    CountingBlockstore blocks = new CountingBlockstore();
    IpldStore store = new IpldStore(blocks);
    Cid root = build(store, AmtOptions.v3(3));

    blocks.reset();
    Amt a = Amt.load(store, root, AmtOptions.v3(3));
    a.forEach((i, v) -> {});
    int first = blocks.gets();
    a.forEach((i, v) -> {});
    assertThat(blocks.gets()).isEqualTo(first);
    assertThat(a.flush()).isEqualTo(root);
    assertThat(blocks.puts()).isEqualTo(1);
  }
}
