package io.filnode.chain.hamt;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Helpers shared by the HAMT tests. */
final class HamtTestSupport {
  private HamtTestSupport() {}

  static IpldStore newStore() {
    return new IpldStore(new MemoryBlockstore());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The DAG-CBOR byte string holding {@code s}'s UTF-8 bytes. */
  static byte[] cborBytes(String s) {
    return new CborWriter().writeBytes(utf8(s)).toByteArray();
  }

  static byte[] cborBytes(byte[] b) {
    return new CborWriter().writeBytes(b).toByteArray();
  }

  /** go-hamt-ipld's test identityHash: the key itself, zero-padded or cut to 32 bytes. */
  static final KeyHasher IDENTITY = key -> Arrays.copyOf(key, 32);

  /** Shape statistics of a flushed HAMT, as go-hamt-ipld's tests count them. */
  record Stats(int nodes, int kvs, Map<Integer, Integer> bucketSizes) {}

  static Stats stats(IpldStore store, Cid root, HamtOptions options) throws CborException {
    int[] nodes = {0};
    int[] kvs = {0};
    Map<Integer, Integer> sizes = new TreeMap<>();
    walk(store, root, options, nodes, kvs, sizes);
    return new Stats(nodes[0], kvs[0], sizes);
  }

  private static void walk(
      IpldStore store,
      Cid cid,
      HamtOptions options,
      int[] nodes,
      int[] kvs,
      Map<Integer, Integer> sizes)
      throws CborException {
    HamtNode node =
        store.get(cid, "node", r -> HamtCodec.decode(r, options.version(), options.bitWidth()));
    nodes[0]++;
    for (Pointer p : node.pointers) {
      if (p.link != null) {
        walk(store, p.link, options, nodes, kvs, sizes);
      } else {
        kvs[0] += p.kvs.size();
        sizes.merge(p.kvs.size(), 1, Integer::sum);
      }
    }
  }
}
