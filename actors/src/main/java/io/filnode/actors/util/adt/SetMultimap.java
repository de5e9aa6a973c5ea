package io.filnode.actors.util.adt;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.HamtOptions;
import java.util.List;

/**
 * specs-actors v2 market's {@code SetMultimap}: a HAMT from epoch ({@code UIntKey}) to the CID of a
 * {@link Set} of deal IDs ({@code UIntKey}s). Every change to a key's set flushes that set and
 * stores its new root, as Go does, so the blocks read and written (and so the gas) match.
 */
public final class SetMultimap {
  private final IpldStore store;
  private final HamtOptions options;
  private final AdtMap map;

  private SetMultimap(IpldStore store, HamtOptions options, AdtMap map) {
    this.store = store;
    this.options = options;
    this.map = map;
  }

  /** A new, empty multimap (nothing is written until {@link #root()}). */
  public static SetMultimap create(IpldStore store, HamtOptions options) {
    return new SetMultimap(store, options, AdtMap.create(store, options));
  }

  /** The multimap whose HAMT root is {@code root}. */
  public static SetMultimap load(IpldStore store, Cid root, HamtOptions options) {
    return new SetMultimap(store, options, AdtMap.load(store, root, options));
  }

  /** Writes the changed nodes and returns the root CID. */
  public Cid root() {
    return map.flush();
  }

  /** Adds {@code value} to the set under {@code key}. */
  public void put(long key, long value) {
    putMany(key, List.of(value));
  }

  /** Adds every one of {@code values} to the set under {@code key}, then stores the set once. */
  public void putMany(long key, List<Long> values) {
    byte[] k = Keys.uint(key);
    Set set = get(k);
    if (set == null) {
      set = Set.create(store, options);
    }
    for (long v : values) {
      set.put(Keys.uint(v));
    }
    Cid setRoot = set.root();
    map.put(k, w -> w.writeCid(setRoot));
  }

  /** Removes the set under {@code key}; a key that is absent is not an error. */
  public void removeAll(long key) {
    map.delete(Keys.uint(key));
  }

  /** A visitor of the values of one key. */
  @FunctionalInterface
  public interface ValueVisitor {
    void visit(long value);
  }

  /** Visits the values under {@code key} in the set's HAMT order; nothing when it has none. */
  public void forEach(long key, ValueVisitor visitor) {
    Set set = get(Keys.uint(key));
    if (set != null) {
      set.forEach(k -> visitor.visit(parseUIntKey(k)));
    }
  }

  private Set get(byte[] key) {
    Cid setRoot = map.get(key, r -> r.readCid());
    return setRoot == null ? null : Set.load(store, setRoot, options);
  }

  /**
   * abi.ParseUIntKey: Go's {@code binary.Uvarint}, which must consume the whole key (it accepts
   * non-minimal encodings, so this does not use the strict multiformats varint reader).
   */
  static long parseUIntKey(byte[] key) {
    long x = 0;
    int shift = 0;
    for (int i = 0; i < key.length; i++) {
      int b = key[i] & 0xFF;
      if (i == 10 || (i == 9 && b > 1)) {
        break; // overflow: Go returns n <= 0
      }
      if (b < 0x80) {
        if (i + 1 != key.length) {
          break;
        }
        return x | ((long) b << shift);
      }
      x |= (long) (b & 0x7F) << shift;
      shift += 7;
    }
    throw new ActorException(ExitCode.ERR_ILLEGAL_STATE, "failed to take uint64 from key");
  }
}
