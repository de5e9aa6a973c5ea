package io.filnode.actors.util.adt;

import io.filnode.actors.builtin.Require;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import io.filnode.chain.hamt.HamtOptions;

/**
 * specs-actors' {@code adt.Map}: a HAMT of CBOR values in an actor's state, over the runtime's
 * gas-charging store. A structure that fails to load or decode aborts with {@code ErrIllegalState}
 * (the state is the actor's own, so corruption is not the caller's fault); running out of gas in
 * the store unwinds as the store's abort.
 */
public final class AdtMap {
  private final Hamt hamt;

  private AdtMap(Hamt hamt) {
    this.hamt = hamt;
  }

  public static AdtMap create(IpldStore store, HamtOptions options) {
    return new AdtMap(Hamt.create(store, options));
  }

  public static AdtMap load(IpldStore store, Cid root, HamtOptions options) {
    try {
      return new AdtMap(Hamt.load(store, root, options));
    } catch (CborException e) {
      throw Require.illegalState("failed to load HAMT " + root, e);
    }
  }

  /** The value at {@code key}, or null when absent. */
  public <T> T get(byte[] key, CborReader.Decoder<T> decoder) {
    try {
      return hamt.get(key, decoder);
    } catch (CborException e) {
      throw Require.illegalState("failed to read HAMT entry", e);
    }
  }

  /** The raw CBOR at {@code key}, or null when absent. */
  public byte[] getRaw(byte[] key) {
    try {
      return hamt.get(key);
    } catch (CborException e) {
      throw Require.illegalState("failed to read HAMT entry", e);
    }
  }

  public boolean has(byte[] key) {
    try {
      return hamt.contains(key);
    } catch (CborException e) {
      throw Require.illegalState("failed to read HAMT entry", e);
    }
  }

  public void put(byte[] key, CborEncodable value) {
    try {
      hamt.set(key, value);
    } catch (CborException e) {
      throw Require.illegalState("failed to write HAMT entry", e);
    }
  }

  /** Puts unless the key is present; true when it was put. */
  public boolean putIfAbsent(byte[] key, CborEncodable value) {
    try {
      return hamt.setIfAbsent(key, value.toCbor());
    } catch (CborException e) {
      throw Require.illegalState("failed to write HAMT entry", e);
    }
  }

  /** Deletes {@code key}; true when it was present. */
  public boolean delete(byte[] key) {
    try {
      return hamt.delete(key);
    } catch (CborException e) {
      throw Require.illegalState("failed to delete HAMT entry", e);
    }
  }

  /** Visits every entry in the HAMT's canonical order. */
  public void forEach(Hamt.Visitor visitor) {
    try {
      hamt.forEach(visitor);
    } catch (CborException e) {
      throw Require.illegalState("failed to iterate HAMT", e);
    }
  }

  /** Writes the changed nodes and returns the root CID. */
  public Cid flush() {
    return hamt.flush();
  }
}
