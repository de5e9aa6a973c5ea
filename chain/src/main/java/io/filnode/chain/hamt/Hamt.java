package io.filnode.chain.hamt;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A hash array mapped trie over an {@link IpldStore}, as go-hamt-ipld builds it (v2 or v3 form, see
 * {@link HamtVersion}): byte-string keys, raw DAG-CBOR values, buckets of up to three entries, and
 * a canonical shape for any given contents, so equal contents give equal root CIDs whatever the
 * order of operations.
 *
 * <p>Changes stay in memory until {@link #flush()} writes the changed nodes and returns the root
 * CID. Not thread-safe. Nodes read from the store are checked as Go checks them, and any problem
 * with them (missing, malformed, too deep) is a {@link CborException}.
 */
public final class Hamt {
  private final IpldStore store;
  private final HamtOptions options;
  private final HamtNode root;

  private Hamt(IpldStore store, HamtOptions options, HamtNode root) {
    this.store = store;
    this.options = options;
    this.root = root;
  }

  /** A new, empty HAMT. */
  public static Hamt create(IpldStore store, HamtOptions options) {
    return new Hamt(
        Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(options, "options"),
        HamtNode.empty(options.bitWidth()));
  }

  /**
   * The HAMT whose root node is {@code root}, read with {@code options} (which must be those it was
   * written with).
   *
   * @throws CborException when the root block is missing or not a valid HAMT root node
   */
  public static Hamt load(IpldStore store, Cid root, HamtOptions options) throws CborException {
    return new Hamt(store, options, loadNode(store, root, options, true));
  }

  public HamtOptions options() {
    return options;
  }

  /** The raw DAG-CBOR value under {@code key}, or null when absent. */
  public byte[] get(byte[] key) throws CborException {
    byte[] hash = options.hasher().hash(key);
    HamtNode node = root;
    for (int depth = 0; ; depth++) {
      int idx = hashIndex(hash, depth);
      if (!node.bitfield.get(idx)) {
        return null;
      }
      Pointer p = node.pointers.get(node.bitfield.rank(idx));
      if (p.isShard()) {
        node = loadChild(p);
        continue;
      }
      for (Kv kv : p.kvs) {
        if (Arrays.equals(kv.key, key)) {
          return kv.value.clone();
        }
      }
      return null;
    }
  }

  /** The value under {@code key} decoded with {@code decoder}, or null when absent. */
  public <T> T get(byte[] key, CborReader.Decoder<T> decoder) throws CborException {
    byte[] raw = get(key);
    return raw == null ? null : CborReader.decodeWhole(raw, "HAMT value", decoder);
  }

  public boolean contains(byte[] key) throws CborException {
    return get(key) != null;
  }

  /**
   * Sets {@code key} to {@code cborValue}, which must be exactly one DAG-CBOR item.
   *
   * @return true when the HAMT changed (false when the key already had this value)
   */
  public boolean set(byte[] key, byte[] cborValue) throws CborException {
    return modify(key, checkedValue(cborValue), true);
  }

  /** Sets {@code key} to the encoding of {@code value}. */
  public boolean set(byte[] key, CborEncodable value) throws CborException {
    return modify(key, value.toCbor(), true);
  }

  /**
   * Sets {@code key} only when it has no value yet.
   *
   * @return true when the value was set, false when the key was already present
   */
  public boolean setIfAbsent(byte[] key, byte[] cborValue) throws CborException {
    return modify(key, checkedValue(cborValue), false);
  }

  /**
   * Removes {@code key}, collapsing nodes left small enough to be buckets.
   *
   * @return true when the key was present
   */
  public boolean delete(byte[] key) throws CborException {
    return modify(key, null, true);
  }

  /** A visitor of entries; may throw to stop the walk. */
  @FunctionalInterface
  public interface Visitor {
    void visit(byte[] key, byte[] value) throws CborException;
  }

  /** Visits every entry in the HAMT's canonical order (by hash, then by key within a bucket). */
  public void forEach(Visitor visitor) throws CborException {
    forEach(root, visitor);
  }

  /** Writes every changed node to the store and returns the root node's CID. */
  public Cid flush() {
    byte[] data = flushNode(root);
    Cid cid = Cid.ofDagCbor(data);
    store.blockstore().put(cid, data);
    return cid;
  }

  // ---------------------------------------------------------------------------------------------

  private byte[] checkedValue(byte[] cborValue) {
    CborReader r = new CborReader(cborValue);
    try {
      r.skipValue();
      r.expectEnd();
    } catch (CborException e) {
      throw new IllegalArgumentException("HAMT value is not one DAG-CBOR item: " + e.getMessage());
    }
    return cborValue.clone();
  }

  private int hashIndex(byte[] hash, int depth) throws CborException {
    int width = options.bitWidth();
    int start = depth * width;
    if (start + width > hash.length * 8) {
      throw new CborException(
          "HAMT deeper than the " + hash.length * 8 + "-bit key hash allows", -1);
    }
    int v = 0;
    for (int b = start; b < start + width; b++) {
      v = (v << 1) | ((hash[b >>> 3] >>> (7 - (b & 7))) & 1);
    }
    return v;
  }

  private boolean modify(byte[] key, byte[] value, boolean replace) throws CborException {
    if (key.length > CborReader.MAX_BYTES) {
      throw new IllegalArgumentException("HAMT key longer than " + CborReader.MAX_BYTES);
    }
    byte[] k = key.clone();
    return modify(root, options.hasher().hash(k), 0, k, value, replace);
  }

  /** Go's modifyValue: insert, overwrite or (value null) delete, then restore canonical form. */
  private boolean modify(
      HamtNode node, byte[] hash, int depth, byte[] key, byte[] value, boolean replace)
      throws CborException {
    int idx = hashIndex(hash, depth);
    if (!node.bitfield.get(idx)) {
      if (value == null) {
        return false;
      }
      int at = node.bitfield.rank(idx);
      node.bitfield.set(idx);
      node.pointers.add(at, Pointer.singleton(new Kv(key, value)));
      return true;
    }
    int ci = node.bitfield.rank(idx);
    Pointer p = node.pointers.get(ci);
    if (p.isShard()) {
      HamtNode child = loadChild(p);
      boolean changed = modify(child, hash, depth + 1, key, value, replace);
      if (changed) {
        p.dirty = true;
      }
      if (value == null) {
        cleanChild(node, child, ci);
      }
      return changed;
    }
    List<Kv> kvs = p.kvs;
    if (value == null) {
      for (int i = 0; i < kvs.size(); i++) {
        if (Arrays.equals(kvs.get(i).key, key)) {
          if (kvs.size() == 1) {
            node.pointers.remove(ci);
            node.bitfield.clear(idx);
          } else {
            kvs.remove(i);
          }
          return true;
        }
      }
      return false;
    }
    for (Kv kv : kvs) {
      if (Arrays.equals(kv.key, key)) {
        if (replace && !Arrays.equals(kv.value, value)) {
          kv.value = value;
          return true;
        }
        return false;
      }
    }
    if (kvs.size() >= HamtNode.BUCKET_SIZE) {
      // The bucket is full: it becomes a child node holding its entries and the new one.
      HamtNode sub = HamtNode.empty(options.bitWidth());
      modify(sub, hash, depth + 1, key, value, replace);
      for (Kv kv : kvs) {
        modify(sub, options.hasher().hash(kv.key), depth + 1, kv.key, kv.value, replace);
      }
      if (options.version() == HamtVersion.V2) {
        // go-hamt-ipld v2 writes the new child at once and keeps only its link, so the next
        // access loads it again: both cost gas in the VM, so we do the same.
        byte[] data = HamtCodec.encode(sub, options.version());
        Cid cid = Cid.ofDagCbor(data);
        store.blockstore().put(cid, data);
        node.pointers.set(ci, Pointer.link(cid));
      } else {
        node.pointers.set(ci, Pointer.newChild(sub));
      }
      return true;
    }
    int at = 0;
    while (at < kvs.size() && Arrays.compareUnsigned(kvs.get(at).key, key) < 0) {
      at++;
    }
    kvs.add(at, new Kv(key, value));
    return true;
  }

  /**
   * Go's cleanChild: after a delete below, a child with no links of its own and at most a bucket's
   * worth of entries is replaced by one bucket holding them, sorted by key.
   */
  private static void cleanChild(HamtNode node, HamtNode child, int ci) {
    if (child.childCount() != 0 || child.kvCount() > HamtNode.BUCKET_SIZE) {
      return;
    }
    if (child.pointers.size() == 1) {
      node.pointers.set(ci, child.pointers.get(0));
      return;
    }
    List<Kv> all = new ArrayList<>(HamtNode.BUCKET_SIZE);
    for (Pointer p : child.pointers) {
      all.addAll(p.kvs);
    }
    all.sort((a, b) -> Arrays.compareUnsigned(a.key, b.key));
    node.pointers.set(ci, Pointer.bucket(all));
  }

  private HamtNode loadChild(Pointer p) throws CborException {
    if (p.cache == null) {
      p.cache = loadNode(store, p.link, options, false);
    }
    return p.cache;
  }

  private static HamtNode loadNode(IpldStore store, Cid cid, HamtOptions options, boolean isRoot)
      throws CborException {
    HamtNode node =
        store.get(
            cid, "HAMT node", r -> HamtCodec.decode(r, options.version(), options.bitWidth()));
    try {
      HamtCodec.validate(node, options.bitWidth(), isRoot);
    } catch (CborException e) {
      throw e.within("HAMT node " + cid);
    }
    return node;
  }

  private void forEach(HamtNode node, Visitor visitor) throws CborException {
    for (Pointer p : node.pointers) {
      if (p.isShard()) {
        forEach(loadChild(p), visitor);
      } else {
        for (Kv kv : p.kvs) {
          visitor.visit(kv.key.clone(), kv.value.clone());
        }
      }
    }
  }

  /**
   * Writes the children of {@code node} (depth first) and returns the node's encoding. v3 writes
   * the changed children; v2 (go-hamt-ipld v0.1/v2) writes every loaded child, changed or not, and
   * forgets it, so that the store sees the same puts and later gets as Go's (they cost gas).
   */
  private byte[] flushNode(HamtNode node) {
    boolean v2 = options.version() == HamtVersion.V2;
    for (Pointer p : node.pointers) {
      if (p.cache != null && (v2 || p.dirty)) {
        byte[] data = flushNode(p.cache);
        Cid cid = Cid.ofDagCbor(data);
        store.blockstore().put(cid, data);
        p.link = cid;
        p.dirty = false;
        if (v2) {
          p.cache = null;
        }
      }
    }
    return HamtCodec.encode(node, options.version());
  }
}
