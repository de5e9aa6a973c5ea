package io.filnode.chain.hamt;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.CountingBlockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The gets and puts a HAMT makes, which the VM charges as gas: go-hamt-ipld v2.0.0 writes a new
 * child at once when a bucket overflows, and its Flush re-writes every loaded child, changed or
 * not, then forgets it; v3 writes only what changed.
 */
class HamtStoreAccessTest {
  private static byte[] key(int i) {
    return ("key-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int i) {
    return new byte[] {0x18, (byte) (24 + i)}; // a CBOR uint in its shortest form
  }

  /** A HAMT with enough keys in a bit width of 1 that the root has two child nodes. */
  private static Cid build(IpldStore store, HamtVersion version) throws Exception {
    Hamt h = Hamt.create(store, new HamtOptions(1, version, KeyHasher.SHA256));
    for (int i = 0; i < 20; i++) {
      h.set(key(i), value(i));
    }
    return h.flush();
  }

  @Test
  void v2FlushRewritesEveryLoadedChild() throws Exception {
    CountingBlockstore blocks = new CountingBlockstore();
    IpldStore store = new IpldStore(blocks);
    HamtOptions options = new HamtOptions(1, HamtVersion.V2, KeyHasher.SHA256);
    Cid root = build(store, HamtVersion.V2);

    blocks.reset();
    Hamt h = Hamt.load(store, root, options);
    h.get(key(3));
    int loaded = blocks.gets();
    assertThat(loaded).isGreaterThan(1); // the root and at least one child
    assertThat(h.flush()).isEqualTo(root);
    assertThat(blocks.puts()).isEqualTo(loaded); // every loaded node, unchanged, plus the root

    // The flush forgot the children: reading again loads them again.
    blocks.reset();
    h.get(key(3));
    assertThat(blocks.gets()).isEqualTo(loaded - 1);
  }

  @Test
  void v3FlushWritesOnlyTheRootWhenNothingChanged() throws Exception {
    CountingBlockstore blocks = new CountingBlockstore();
    IpldStore store = new IpldStore(blocks);
    HamtOptions options = new HamtOptions(1, HamtVersion.V3, KeyHasher.SHA256);
    Cid root = build(store, HamtVersion.V3);

    blocks.reset();
    Hamt h = Hamt.load(store, root, options);
    h.get(key(3));
    assertThat(h.flush()).isEqualTo(root);
    assertThat(blocks.puts()).isEqualTo(1);
    blocks.reset();
    h.get(key(3));
    assertThat(blocks.gets()).isZero();
  }

  @Test
  void v2WritesAnOverflowingBucketsNewChildAtOnce() throws Exception {
    CountingBlockstore blocks = new CountingBlockstore();
    Hamt h =
        Hamt.create(new IpldStore(blocks), new HamtOptions(1, HamtVersion.V2, KeyHasher.SHA256));
    int i = 0;
    while (blocks.puts() == 0) {
      h.set(key(i), value(i));
      i++;
      assertThat(i).isLessThan(100);
    }
    // With bit width 1, two buckets of 3 hold at most 6 entries before one overflows.
    assertThat(i).isLessThanOrEqualTo(7);
    assertThat(blocks.gets()).isZero();
  }
}
