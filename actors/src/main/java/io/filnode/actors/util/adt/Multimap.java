package io.filnode.actors.util.adt;

import io.filnode.actors.builtin.Require;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.HamtOptions;

/**
 * specs-actors' {@code adt.Multimap}: a HAMT whose values are the roots of AMTs, so that each key
 * holds a list of values in insertion order. Every operation reads and writes the same blocks as
 * Go's, in the same order, because those accesses cost gas.
 */
public final class Multimap {
  private final IpldStore store;
  private final AdtMap map;
  private final AmtOptions amtOptions;

  private Multimap(IpldStore store, AdtMap map, AmtOptions amtOptions) {
    this.store = store;
    this.map = map;
    this.amtOptions = amtOptions;
  }

  /** A new, empty multimap (nothing is written until {@link #flush}). */
  public static Multimap create(IpldStore store, HamtOptions hamtOptions, AmtOptions amtOptions) {
    return new Multimap(store, AdtMap.create(store, hamtOptions), amtOptions);
  }

  public static Multimap load(
      IpldStore store, Cid root, HamtOptions hamtOptions, AmtOptions amtOptions) {
    return new Multimap(store, AdtMap.load(store, root, hamtOptions), amtOptions);
  }

  /** Appends {@code value} to the list under {@code key}, creating the list if needed. */
  public void add(byte[] key, CborEncodable value) {
    AdtArray array = get(key);
    if (array == null) {
      array = AdtArray.create(store, amtOptions);
    }
    array.set(array.length(), value);
    Cid root = array.flush();
    map.put(key, w -> w.writeCid(root));
  }

  /** Removes the whole list under {@code key} (nothing happens when there is none). */
  public void removeAll(byte[] key) {
    map.delete(key);
  }

  /** The list under {@code key}, or null when there is none. */
  public AdtArray get(byte[] key) {
    Cid root = map.get(key, CborReader::readCid);
    return root == null ? null : AdtArray.load(store, root, amtOptions);
  }

  /** Visits the values under {@code key} in insertion order; nothing when there is none. */
  public void forEach(byte[] key, Amt.Visitor visitor) {
    AdtArray array = get(key);
    if (array != null) {
      array.forEach(visitor);
    }
  }

  /** A visitor of every key with its list. */
  @FunctionalInterface
  public interface EntryVisitor {
    void visit(byte[] key, AdtArray values);
  }

  /** Visits every key, in the HAMT's order, loading its list first. */
  public void forAll(EntryVisitor visitor) {
    map.forEach(
        (key, value) -> {
          Cid root;
          try {
            root = new CborReader(value).readCid();
          } catch (CborException e) {
            throw Require.illegalState("multimap value is not a CID", e);
          }
          visitor.visit(key, AdtArray.load(store, root, amtOptions));
        });
  }

  /** Writes the changed nodes and returns the root CID of the HAMT. */
  public Cid flush() {
    return map.flush();
  }
}
