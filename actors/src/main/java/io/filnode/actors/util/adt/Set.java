package io.filnode.actors.util.adt;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.HamtOptions;

/**
 * specs-actors' {@code adt.Set}: a HAMT used as a set of keys. Go stores a nil value under each
 * key, which its CBOR library writes as {@code null}.
 */
public final class Set {
  /** The value under every key. */
  private static final CborEncodable NULL = w -> w.writeNull();

  private final AdtMap map;

  private Set(AdtMap map) {
    this.map = map;
  }

  /** A new, empty set (nothing is written until {@link #root()}). */
  public static Set create(IpldStore store, HamtOptions options) {
    return new Set(AdtMap.create(store, options));
  }

  /** The set whose HAMT root is {@code root}. */
  public static Set load(IpldStore store, Cid root, HamtOptions options) {
    return new Set(AdtMap.load(store, root, options));
  }

  public void put(byte[] key) {
    map.put(key, NULL);
  }

  public boolean has(byte[] key) {
    return map.has(key);
  }

  /** Removes {@code key}; false when it was absent (an error in Go, which callers decide on). */
  public boolean delete(byte[] key) {
    return map.delete(key);
  }

  /** A visitor of the keys; may throw to stop the walk. */
  @FunctionalInterface
  public interface KeyVisitor {
    void visit(byte[] key);
  }

  /** Visits every key in the HAMT's order. */
  public void forEach(KeyVisitor visitor) {
    map.forEach((k, v) -> visitor.visit(k));
  }

  /** Writes the changed nodes and returns the root CID. */
  public Cid root() {
    return map.flush();
  }
}
