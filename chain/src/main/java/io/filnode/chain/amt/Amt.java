package io.filnode.chain.amt;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An array mapped trie over an {@link IpldStore}, as go-amt-ipld v2 or v3 builds it (see {@link
 * AmtVersion}): a sparse array from unsigned 64-bit indexes to raw DAG-CBOR values.
 *
 * <p>Indexes are unsigned: in v3 a negative {@code long} stands for an index of 2^63 or more.
 * Changes stay in memory until {@link #flush()}. Not thread-safe. Problems with stored nodes are
 * {@link CborException}s; an index out of range is an {@link IllegalArgumentException}.
 */
public final class Amt {
  /** go-amt-ipld v2's largest index, 2^63−1. */
  public static final long MAX_INDEX_V2 = Long.MAX_VALUE;

  /** go-amt-ipld v3's largest index, 2^64−2 (as an unsigned long). */
  public static final long MAX_INDEX_V3 = -2L;

  /** go-amt-ipld v2's largest height: 63 index bits, 3 per level, root at height 0. */
  static final int MAX_HEIGHT_V2 = 63 / 3 - 1;

  private final IpldStore store;
  private final AmtOptions options;
  private final int width;
  private AmtNode root;
  private int height;
  private long count;

  private Amt(IpldStore store, AmtOptions options, AmtNode root, int height, long count) {
    this.store = store;
    this.options = options;
    this.width = options.width();
    this.root = root;
    this.height = height;
    this.count = count;
  }

  /** A new, empty AMT. */
  public static Amt create(IpldStore store, AmtOptions options) {
    return new Amt(
        Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(options, "options"),
        new AmtNode(),
        0,
        0);
  }

  /**
   * The AMT whose root block is {@code root}, with the checks of the matching go-amt-ipld: in v2
   * the height; in v3 the stored bit width against {@code options}, the height, the count against
   * the capacity, and the root node.
   */
  public static Amt load(IpldStore store, Cid root, AmtOptions options) throws CborException {
    AmtCodec.RawRoot raw =
        store.get(root, "AMT root", r -> AmtCodec.decodeRoot(r, options.version()));
    try {
      return fromRaw(store, options, raw);
    } catch (CborException e) {
      throw e.within("AMT root " + root);
    }
  }

  private static Amt fromRaw(IpldStore store, AmtOptions options, AmtCodec.RawRoot raw)
      throws CborException {
    long h = raw.height();
    if (options.version() == AmtVersion.V2) {
      if (Long.compareUnsigned(h, MAX_HEIGHT_V2) > 0) {
        throw AmtCodec.malformed("height " + Long.toUnsignedString(h) + " above " + MAX_HEIGHT_V2);
      }
      // v2 checks nothing more at the root: an empty root above height 0 is what its own deletes
      // leave behind.
      AmtNode node = AmtCodec.expand(raw.node(), options, true, h == 0);
      return new Amt(store, options, node, (int) h, raw.count());
    }
    if (raw.bitWidth() != options.bitWidth()) {
      throw AmtCodec.malformed(
          "bit width "
              + Long.toUnsignedString(raw.bitWidth())
              + ", expected "
              + options.bitWidth());
    }
    if (Long.compareUnsigned(h, 64) > 0) {
      throw AmtCodec.malformed("height greater than 64: " + Long.toUnsignedString(h));
    }
    long maxNodes = nodesForHeight(options.bitWidth(), (int) h + 1);
    if (maxNodes == -1L && nodesForHeight(options.bitWidth(), (int) h) == -1L) {
      throw AmtCodec.malformed("height " + h + " out of bounds");
    }
    if (Long.compareUnsigned(maxNodes, raw.count()) < 0) {
      throw AmtCodec.malformed(
          "height " + h + " too small for count " + Long.toUnsignedString(raw.count()));
    }
    AmtNode node = AmtCodec.expand(raw.node(), options, h == 0, h == 0);
    return new Amt(store, options, node, (int) h, raw.count());
  }

  public AmtOptions options() {
    return options;
  }

  /** The count stored in the root, as go-amt-ipld's {@code Len}. */
  public long count() {
    return count;
  }

  public int height() {
    return height;
  }

  /**
   * How many indexes a tree of {@code levels} levels holds: width^levels, saturating at 2^64−1
   * (returned as -1) in v3 as go-amt-ipld's nodesForHeight does.
   */
  private long nodesForHeight(int levels) {
    return nodesForHeight(options.bitWidth(), levels);
  }

  private static long nodesForHeight(int bitWidth, int levels) {
    long bits = (long) bitWidth * levels;
    return bits >= 64 ? -1L : 1L << bits;
  }

  private void checkIndex(long index) {
    boolean ok =
        options.version() == AmtVersion.V2
            ? index >= 0
            : Long.compareUnsigned(index, MAX_INDEX_V3) <= 0;
    if (!ok) {
      throw new IllegalArgumentException(
          "index " + Long.toUnsignedString(index) + " is out of range for the AMT");
    }
  }

  /** The raw DAG-CBOR value at {@code index}, or null when unset. */
  public byte[] get(long index) throws CborException {
    checkIndex(index);
    if (Long.compareUnsigned(index, nodesForHeight(height + 1)) >= 0) {
      return null;
    }
    AmtNode node = root;
    long i = index;
    for (int h = height; h > 0; h--) {
      long nfh = nodesForHeight(h);
      AmtLink l = node.link((int) Long.divideUnsigned(i, nfh));
      if (l == null) {
        return null;
      }
      node = load(l, h - 1);
      i = Long.remainderUnsigned(i, nfh);
    }
    byte[] v = node.value((int) i);
    return v == null ? null : v.clone();
  }

  /** The value at {@code index} decoded with {@code decoder}, or null when unset. */
  public <T> T get(long index, CborReader.Decoder<T> decoder) throws CborException {
    byte[] raw = get(index);
    return raw == null ? null : CborReader.decodeWhole(raw, "AMT value", decoder);
  }

  /**
   * Sets {@code index} to {@code cborValue}, which must be exactly one DAG-CBOR item, growing the
   * tree as needed.
   *
   * @return true when the index was unset before
   */
  public boolean set(long index, byte[] cborValue) throws CborException {
    checkIndex(index);
    byte[] value = checkedValue(cborValue);
    while (Long.compareUnsigned(index, nodesForHeight(height + 1)) >= 0) {
      // Push the current tree down under slot 0 of a new root; an empty tree just gets taller.
      if (!root.isEmpty()) {
        AmtNode top = new AmtNode();
        if (options.version() == AmtVersion.V2) {
          // go-amt-ipld v2 writes the old root at once and keeps only its link (gas: a put now
          // and a get at the next access below it).
          flushChildren(root, height);
          CborWriter w = new CborWriter();
          AmtCodec.encodeNode(w, root, options, height == 0);
          byte[] data = w.toByteArray();
          Cid cid = Cid.ofDagCbor(data);
          store.blockstore().put(cid, data);
          top.setLink(width, 0, new AmtLink(cid, null, false));
        } else {
          top.setLink(width, 0, new AmtLink(null, root, true));
        }
        root = top;
      }
      height++;
    }
    boolean added = set(root, height, index, value);
    if (added) {
      if (options.version() == AmtVersion.V3
          && Long.compareUnsigned(count, MAX_INDEX_V3 - 1) >= 0) {
        throw new CborException("AMT count " + Long.toUnsignedString(count) + " is invalid", -1);
      }
      count++;
    }
    return added;
  }

  /** Sets {@code index} to the encoding of {@code value}. */
  public boolean set(long index, CborEncodable value) throws CborException {
    return set(index, value.toCbor());
  }

  private boolean set(AmtNode node, int h, long i, byte[] value) throws CborException {
    if (h == 0) {
      boolean was = node.value((int) i) != null;
      node.setValue(width, (int) i, value);
      return !was;
    }
    long nfh = nodesForHeight(h);
    int sub = (int) Long.divideUnsigned(i, nfh);
    AmtLink l = node.link(sub);
    if (l == null) {
      l = new AmtLink(null, new AmtNode(), false);
    }
    boolean added = set(load(l, h - 1), h - 1, Long.remainderUnsigned(i, nfh), value);
    l.dirty = true;
    node.setLink(width, sub, l);
    return added;
  }

  /** Sets indexes 0…n−1 to the given values, in order, as go-amt-ipld's BatchSet. */
  public void batchSet(List<byte[]> values) throws CborException {
    for (int i = 0; i < values.size(); i++) {
      set(i, values.get(i));
    }
  }

  /**
   * Deletes {@code index}; lowers the height as the version does.
   *
   * @return true when the index was set
   */
  public boolean delete(long index) throws CborException {
    checkIndex(index);
    if (Long.compareUnsigned(index, nodesForHeight(height + 1)) >= 0) {
      return false;
    }
    if (!delete(root, height, index)) {
      return false;
    }
    if (options.version() == AmtVersion.V2) {
      // v2 lowers the height only while the root's one child is its first, so an AMT emptied by
      // deletes keeps its height.
      while (height > 0 && onlyFirstLink(root)) {
        root = load(root.links[0], height - 1);
        height--;
      }
    } else {
      collapse();
    }
    if (count == 0) {
      throw new CborException("AMT count does not match its elements", -1);
    }
    count--;
    return true;
  }

  private static boolean onlyFirstLink(AmtNode node) {
    if (node.links == null || node.links[0] == null) {
      return false;
    }
    for (int i = 1; i < node.links.length; i++) {
      if (node.links[i] != null) {
        return false;
      }
    }
    return true;
  }

  /** go-amt-ipld v3's collapse: while the root has only its first child, that child is the root. */
  private void collapse() throws CborException {
    while (true) {
      if (root.links == null) {
        height = 0;
        return;
      }
      for (int i = 1; i < root.links.length; i++) {
        if (root.links[i] != null) {
          return;
        }
      }
      if (root.links[0] == null) {
        height = 0;
        return;
      }
      root = load(root.links[0], height - 1);
      height--;
    }
  }

  private boolean delete(AmtNode node, int h, long i) throws CborException {
    if (h == 0) {
      if (node.value((int) i) == null) {
        return false;
      }
      node.setValue(width, (int) i, null);
      return true;
    }
    long nfh = nodesForHeight(h);
    int sub = (int) Long.divideUnsigned(i, nfh);
    AmtLink l = node.link(sub);
    if (l == null) {
      return false;
    }
    AmtNode child = load(l, h - 1);
    if (!delete(child, h - 1, Long.remainderUnsigned(i, nfh))) {
      return false;
    }
    if (child.isEmpty()) {
      node.setLink(width, sub, null);
    } else {
      l.dirty = true;
    }
    return true;
  }

  /**
   * Deletes the given indexes (sorted first, as v3 does).
   *
   * @param strict when true, an index that is not set is an error (v2 always behaves so)
   * @return true when anything was deleted
   * @throws IllegalArgumentException in strict mode, for an index that was not set; the indexes
   *     before it stay deleted, as in Go
   */
  public boolean batchDelete(long[] indexes, boolean strict) throws CborException {
    long[] sorted = indexes.clone();
    if (options.version() == AmtVersion.V3) {
      Arrays.sort(sorted);
      sortUnsigned(sorted);
    }
    boolean modified = false;
    for (long i : sorted) {
      boolean found = delete(i);
      if (strict && !found) {
        throw new IllegalArgumentException("no such index " + Long.toUnsignedString(i));
      }
      modified |= found;
    }
    return modified;
  }

  /** Reorders a signed-sorted array into unsigned order (negatives are the largest). */
  private static void sortUnsigned(long[] a) {
    int firstNegative = 0;
    while (firstNegative < a.length && a[firstNegative] < 0) {
      firstNegative++;
    }
    long[] copy = a.clone();
    int n = copy.length - firstNegative;
    System.arraycopy(copy, firstNegative, a, 0, n);
    System.arraycopy(copy, 0, a, n, firstNegative);
  }

  /** A visitor of set indexes; may throw to stop the walk. */
  @FunctionalInterface
  public interface Visitor {
    void visit(long index, byte[] value) throws CborException;
  }

  /** Visits every set index in ascending order. */
  public void forEach(Visitor visitor) throws CborException {
    forEachFrom(0, visitor);
  }

  /** Visits the set indexes from {@code start} (unsigned) on, in ascending order. */
  public void forEachFrom(long start, Visitor visitor) throws CborException {
    forEach(root, height, start, 0, visitor);
  }

  private void forEach(AmtNode node, int h, long start, long offset, Visitor visitor)
      throws CborException {
    if (h == 0) {
      if (node.values == null) {
        return;
      }
      for (int i = 0; i < width; i++) {
        byte[] v = node.values[i];
        if (v != null && Long.compareUnsigned(offset + i, start) >= 0) {
          visitor.visit(offset + i, v.clone());
        }
      }
      return;
    }
    if (node.links == null) {
      return;
    }
    long subCount = nodesForHeight(h);
    for (int i = 0; i < width; i++) {
      AmtLink l = node.links[i];
      if (l == null) {
        continue;
      }
      long offs = offset + i * subCount;
      if (Long.compareUnsigned(start, offs + subCount) >= 0) {
        continue;
      }
      // go-amt-ipld v2 walks unloaded children without caching them (each walk gets them again).
      AmtNode child =
          options.version() == AmtVersion.V2 && l.cached == null
              ? read(l.cid, h - 1)
              : load(l, h - 1);
      forEach(child, h - 1, start, offs, visitor);
    }
  }

  /** Writes every changed node and the root; returns the root's CID. */
  public Cid flush() {
    CborWriter w = new CborWriter();
    if (options.version() == AmtVersion.V2) {
      w.writeArrayHeader(3);
    } else {
      w.writeArrayHeader(4).writeUint64(options.bitWidth());
    }
    w.writeUint64(height).writeUint64(count);
    flushChildren(root, height);
    AmtCodec.encodeNode(w, root, options, height == 0);
    byte[] data = w.toByteArray();
    Cid cid = Cid.ofDagCbor(data);
    store.blockstore().put(cid, data);
    return cid;
  }

  /**
   * Writes the children below {@code node}: v3 the changed ones; v2 every loaded one, changed or
   * not, as go-amt-ipld v2 does (each put costs gas in the VM).
   */
  private void flushChildren(AmtNode node, int h) {
    if (h == 0 || node.links == null) {
      return;
    }
    boolean v2 = options.version() == AmtVersion.V2;
    for (AmtLink l : node.links) {
      if (l != null && l.cached != null && (v2 || l.dirty)) {
        flushChildren(l.cached, h - 1);
        CborWriter w = new CborWriter();
        AmtCodec.encodeNode(w, l.cached, options, h - 1 == 0);
        byte[] data = w.toByteArray();
        l.cid = Cid.ofDagCbor(data);
        store.blockstore().put(l.cid, data);
        l.dirty = false;
      }
    }
  }

  private AmtNode load(AmtLink l, int h) throws CborException {
    if (l.cached == null) {
      l.cached = read(l.cid, h);
    }
    return l.cached;
  }

  private AmtNode read(Cid cid, int h) throws CborException {
    AmtCodec.RawNode raw =
        store.get(cid, "AMT node", r -> AmtCodec.decodeNode(r, options.version()));
    try {
      // v2 accepts empty nodes anywhere; v3 only as the root of an empty AMT.
      return AmtCodec.expand(raw, options, options.version() == AmtVersion.V2, h == 0);
    } catch (CborException e) {
      throw e.within("AMT node " + cid);
    }
  }

  private static byte[] checkedValue(byte[] cborValue) {
    CborReader r = new CborReader(cborValue);
    try {
      r.skipValue();
      r.expectEnd();
    } catch (CborException e) {
      throw new IllegalArgumentException("AMT value is not one DAG-CBOR item: " + e.getMessage());
    }
    return cborValue.clone();
  }
}
