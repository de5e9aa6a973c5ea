package io.filnode.chain.state;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;

/**
 * The versioned wrapper of a state tree, Lotus's {@code types.StateRoot}: the tuple {@code
 * [Version, Actors, Info]}. Version-0 state trees (actors v0) have no wrapper: the state root is
 * the actors HAMT itself, and {@link #unwrapped} stands for it with a null {@code info}.
 */
public record StateRoot(int version, Cid actors, Cid info) implements CborEncodable {
  /** The newest state tree version this node reads (actors v4, network version 12). */
  public static final int MAX_VERSION = 3;

  public StateRoot {
    if (version < 0 || version > MAX_VERSION) {
      throw new IllegalArgumentException("unsupported state tree version " + version);
    }
    if (actors == null || (version > 0 && info == null)) {
      throw new IllegalArgumentException("state root is missing its actors or info CID");
    }
  }

  /**
   * The actors version whose HAMT form this state tree uses (Lotus: v0 → actors v0, v1 → v2, v2 →
   * v3, v3 → v4).
   */
  public int actorsVersion() {
    return actorsVersion(version);
  }

  /** As {@link #actorsVersion()}, for a state tree version. */
  public static int actorsVersion(int stateTreeVersion) {
    return stateTreeVersion == 0 ? 0 : stateTreeVersion + 1;
  }

  /** A version-0 state tree whose root is the actors HAMT {@code actors}. */
  public static StateRoot unwrapped(Cid actors) {
    return new StateRoot(0, actors, null);
  }

  @Override
  public void encode(CborWriter w) {
    if (version == 0) {
      throw new IllegalStateException("a version-0 state tree has no wrapper to encode");
    }
    w.writeArrayHeader(3);
    w.writeUint64(version);
    w.writeCid(actors);
    w.writeCid(info);
  }

  /**
   * Reads the block at a state root. A 3-element array is the wrapper; anything else is taken, as
   * Lotus does, to be a version-0 tree whose root node is the block itself (a HAMT node is a
   * 2-element array, which loading the HAMT then checks).
   */
  public static StateRoot fromBlock(Cid root, byte[] data) throws CborException {
    CborReader r = new CborReader(data);
    if (r.peekMajorType() != 4) {
      throw new CborException("state root " + root + " is not an array", 0);
    }
    int n = r.readArrayHeader();
    if (n != 3) {
      return unwrapped(root);
    }
    try {
      long version = r.readUint64();
      if (version < 1 || version > MAX_VERSION) {
        throw new CborException(
            "unsupported state tree version " + Long.toUnsignedString(version), 1);
      }
      Cid actors = r.readCid();
      Cid info = r.readCid();
      r.expectEnd();
      return new StateRoot((int) version, actors, info);
    } catch (CborException e) {
      throw e.within("state root " + root);
    }
  }
}
