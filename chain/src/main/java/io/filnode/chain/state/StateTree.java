package io.filnode.chain.state;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import java.util.Optional;

/**
 * The state tree: a HAMT from ID addresses (their bytes) to {@link Actor}s, behind the versioned
 * {@link StateRoot} wrapper from state tree version 1 on. Reads resolve any address to its ID
 * through the init actor's address map; writes take ID addresses. Changes stay in memory until
 * {@link #flush()}. Every problem with stored blocks (missing, malformed) is a {@link
 * CborException}. Not thread-safe.
 */
public final class StateTree {
  /** The init actor's fixed ID address, f01. */
  public static final Address INIT_ADDRESS = Address.newId(1);

  private final IpldStore store;
  private final int version;
  private final Cid info;
  private final Hamt actors;

  private StateTree(IpldStore store, int version, Cid info, Hamt actors) {
    this.store = store;
    this.version = version;
    this.info = info;
    this.actors = actors;
  }

  /** Loads the state tree at {@code root}, of whatever version its root block says. */
  public static StateTree load(IpldStore store, Cid root) throws CborException {
    byte[] block = store.blockstore().get(root);
    if (block == null) {
      throw new CborException("state root " + root + " is not in the store", -1);
    }
    StateRoot sr = StateRoot.fromBlock(root, block);
    Hamt hamt = Hamt.load(store, sr.actors(), BuiltinActors.hamtOptions(sr.actorsVersion()));
    return new StateTree(store, sr.version(), sr.info(), hamt);
  }

  /** A new, empty state tree of {@code version} (0 to {@link StateRoot#MAX_VERSION}). */
  public static StateTree create(IpldStore store, int version) {
    if (version < 0 || version > StateRoot.MAX_VERSION) {
      throw new IllegalArgumentException("unsupported state tree version " + version);
    }
    Cid info = null;
    if (version > 0) {
      // StateInfo0: an empty struct, encoded as an empty array
      byte[] empty = {(byte) 0x80};
      info = Cid.ofDagCbor(empty);
      store.blockstore().put(info, empty);
    }
    return new StateTree(
        store,
        version,
        info,
        Hamt.create(store, BuiltinActors.hamtOptions(StateRoot.actorsVersion(version))));
  }

  public int version() {
    return version;
  }

  /** The actor at {@code address} (resolved to its ID first), or null when there is none. */
  public Actor getActor(Address address) throws CborException {
    Optional<Address> id = lookupId(address);
    if (id.isEmpty()) {
      return null;
    }
    return actors.get(id.get().bytes(), Actor::decode);
  }

  /** Sets the actor at ID address {@code id}. */
  public void setActor(Address id, Actor actor) throws CborException {
    actors.set(requireId(id).bytes(), actor);
  }

  /** Removes the actor at ID address {@code id}; returns whether there was one. */
  public boolean deleteActor(Address id) throws CborException {
    return actors.delete(requireId(id).bytes());
  }

  /**
   * The ID address of {@code address}: itself for an ID address, else what the init actor's address
   * map says, or empty when it has no entry.
   */
  public Optional<Address> lookupId(Address address) throws CborException {
    if (address.isId()) {
      return Optional.of(address);
    }
    Actor init = actors.get(INIT_ADDRESS.bytes(), Actor::decode);
    if (init == null) {
      throw new CborException("the state tree has no init actor to resolve " + address, -1);
    }
    int actorsVersion =
        BuiltinActors.lookup(init.code())
            .filter(c -> c.kind() == ActorKind.INIT)
            .orElseThrow(
                () -> new CborException("f01 has code " + init.code() + ", not init's", -1))
            .actorsVersion();
    InitActorState st = store.get(init.head(), "init actor state", InitActorState::decode);
    Hamt map = Hamt.load(store, st.addressMap(), BuiltinActors.hamtOptions(actorsVersion));
    byte[] value = map.get(address.bytes());
    if (value == null) {
      return Optional.empty();
    }
    long id = CborReader.decodeWhole(value, "actor ID of " + address, CborReader::readUint63);
    return Optional.of(Address.newId(id));
  }

  /** Visits every actor, in the HAMT's order. */
  public void forEach(ActorVisitor visitor) throws CborException {
    actors.forEach(
        (key, value) -> {
          Address id;
          try {
            id = Address.fromBytes(key);
          } catch (IllegalArgumentException e) {
            throw new CborException("state tree key is not an address: " + e.getMessage(), -1, e);
          }
          visitor.visit(id, CborReader.decodeWhole(value, "actor " + id, Actor::decode));
        });
  }

  /** A visitor of actors; may throw to stop the walk. */
  @FunctionalInterface
  public interface ActorVisitor {
    void visit(Address id, Actor actor) throws CborException;
  }

  /** Writes the changed nodes and returns the state root: the wrapper, or the HAMT for v0. */
  public Cid flush() {
    Cid hamtRoot = actors.flush();
    if (version == 0) {
      return hamtRoot;
    }
    return store.put(new StateRoot(version, hamtRoot, info));
  }

  private static Address requireId(Address a) {
    if (!a.isId()) {
      throw new IllegalArgumentException("state tree writes need an ID address, not " + a);
    }
    return a;
  }
}
