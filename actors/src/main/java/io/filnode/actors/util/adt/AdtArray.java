package io.filnode.actors.util.adt;

import io.filnode.actors.builtin.Require;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;

/**
 * specs-actors' {@code adt.Array}: an AMT of CBOR values in an actor's state, over the runtime's
 * gas-charging store. Load and decode failures abort with {@code ErrIllegalState}, as {@link
 * AdtMap}.
 */
public final class AdtArray {
  private final Amt amt;

  private AdtArray(Amt amt) {
    this.amt = amt;
  }

  public static AdtArray create(IpldStore store, AmtOptions options) {
    return new AdtArray(Amt.create(store, options));
  }

  public static AdtArray load(IpldStore store, Cid root, AmtOptions options) {
    try {
      return new AdtArray(Amt.load(store, root, options));
    } catch (CborException e) {
      throw Require.illegalState("failed to load AMT " + root, e);
    }
  }

  public long length() {
    return amt.count();
  }

  /** The value at {@code index}, or null when absent. */
  public <T> T get(long index, CborReader.Decoder<T> decoder) {
    try {
      return amt.get(index, decoder);
    } catch (CborException e) {
      throw Require.illegalState("failed to read AMT entry " + index, e);
    }
  }

  public void set(long index, CborEncodable value) {
    try {
      amt.set(index, value);
    } catch (CborException e) {
      throw Require.illegalState("failed to write AMT entry " + index, e);
    }
  }

  /** Deletes {@code index}; true when it was present. */
  public boolean delete(long index) {
    try {
      return amt.delete(index);
    } catch (CborException e) {
      throw Require.illegalState("failed to delete AMT entry " + index, e);
    }
  }

  /** Deletes many indexes; with {@code strict}, every one must be present. */
  public boolean batchDelete(long[] indexes, boolean strict) {
    try {
      return amt.batchDelete(indexes, strict);
    } catch (CborException e) {
      throw Require.illegalState("failed to delete AMT entries", e);
    }
  }

  /** Visits every entry in index order. */
  public void forEach(Amt.Visitor visitor) {
    try {
      amt.forEach(visitor);
    } catch (CborException e) {
      throw Require.illegalState("failed to iterate AMT", e);
    }
  }

  /** Writes the changed nodes and returns the root CID. */
  public Cid flush() {
    return amt.flush();
  }
}
