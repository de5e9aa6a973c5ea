package io.filnode.vm;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.InitActorState;
import io.filnode.chain.state.StateTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VM's view of the state tree with Lotus's snapshot layers: changes to actors go into the top
 * layer, {@link #snapshot()} pushes a layer, {@link #revert()} throws the top layer's changes away
 * and {@link #clearSnapshot()} merges it into the one below. Only {@link #flush()} writes into the
 * HAMT. Reads here charge no gas (Lotus's state tree uses the VM's plain store).
 */
public final class VmStateTree {
  private static final Optional<Actor> DELETED = Optional.empty();

  private final IpldStore store;
  private final StateTree tree;
  private final List<Map<Address, Optional<Actor>>> layers = new ArrayList<>();

  public VmStateTree(IpldStore store, Cid root) {
    this.store = store;
    try {
      this.tree = StateTree.load(store, root);
    } catch (CborException e) {
      throw new VmFatalException("loading state tree " + root + ": " + e.getMessage(), e);
    }
    layers.add(new HashMap<>());
  }

  public IpldStore store() {
    return store;
  }

  /** The actor at {@code address} (resolved to its ID first), or null when there is none. */
  public Actor getActor(Address address) {
    Optional<Address> id = lookupId(address);
    return id.isEmpty() ? null : getById(id.get());
  }

  private Actor getById(Address id) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      Optional<Actor> a = layers.get(i).get(id);
      if (a != null) {
        return a.orElse(null);
      }
    }
    try {
      return tree.getActor(id);
    } catch (CborException e) {
      throw new VmFatalException("reading actor " + id + ": " + e.getMessage(), e);
    }
  }

  /** Sets the actor at {@code address}, which must resolve (Lotus's SetActor looks the ID up). */
  public void setActor(Address address, Actor actor) {
    Address id =
        lookupId(address)
            .orElseThrow(() -> new VmFatalException("resolution lookup failed (" + address + ")"));
    layers.get(layers.size() - 1).put(id, Optional.of(actor));
  }

  /** Deletes the actor at {@code address}; fails when there is none. */
  public void deleteActor(Address address) {
    Address id =
        lookupId(address)
            .orElseThrow(() -> new VmFatalException("resolution lookup failed (" + address + ")"));
    if (getById(id) == null) {
      throw new VmFatalException("actor not found: " + address);
    }
    layers.get(layers.size() - 1).put(id, DELETED);
  }

  /** The ID address behind {@code address} through the init actor's map, or empty. */
  public Optional<Address> lookupId(Address address) {
    if (address.isId()) {
      return Optional.of(address);
    }
    Actor init = getById(StateTree.INIT_ADDRESS);
    if (init == null) {
      throw new VmFatalException("the state tree has no init actor");
    }
    try {
      InitActorState st = store.get(init.head(), "init actor state", InitActorState::decode);
      Hamt map = Hamt.load(store, st.addressMap(), BuiltinActors.hamtOptions(2));
      byte[] value = map.get(address.bytes());
      if (value == null) {
        return Optional.empty();
      }
      long id = CborReader.decodeWhole(value, "actor ID", CborReader::readUint63);
      return Optional.of(Address.newId(id));
    } catch (CborException e) {
      throw new VmFatalException("resolving " + address + ": " + e.getMessage(), e);
    }
  }

  /**
   * Gives {@code address} the init actor's next ID and returns it, Lotus's {@code
   * RegisterNewAddress} (init's {@code MapAddressToNewID}).
   */
  public Address registerNewAddress(Address address) {
    Actor init = getById(StateTree.INIT_ADDRESS);
    try {
      InitActorState st = store.get(init.head(), "init actor state", InitActorState::decode);
      Hamt map = Hamt.load(store, st.addressMap(), BuiltinActors.hamtOptions(2));
      long id = st.nextId();
      CborWriter v = new CborWriter();
      v.writeUint64(id);
      map.set(address.bytes(), v.toByteArray());
      Cid newMap = map.flush();
      CborWriter w = new CborWriter();
      w.writeArrayHeader(3);
      w.writeCid(newMap);
      w.writeUint64(id + 1);
      w.writeText(st.networkName());
      byte[] data = w.toByteArray();
      Cid head = Cid.ofDagCbor(data);
      store.blockstore().put(head, data);
      layers.get(layers.size() - 1).put(StateTree.INIT_ADDRESS, Optional.of(init.withHead(head)));
      return Address.newId(id);
    } catch (CborException e) {
      throw new VmFatalException("registering " + address + ": " + e.getMessage(), e);
    }
  }

  public void snapshot() {
    layers.add(new HashMap<>());
  }

  /** Drops the top layer's changes, keeping an empty layer in its place (as Lotus). */
  public void revert() {
    layers.get(layers.size() - 1).clear();
  }

  /** Merges the top layer into the one below. */
  public void clearSnapshot() {
    Map<Address, Optional<Actor>> top = layers.remove(layers.size() - 1);
    layers.get(layers.size() - 1).putAll(top);
  }

  /** Writes every change into the HAMT and returns the new state root. */
  public Cid flush() {
    if (layers.size() != 1) {
      throw new IllegalStateException("flush with " + layers.size() + " snapshot layers");
    }
    Map<Address, Optional<Actor>> changes = layers.get(0);
    try {
      for (Map.Entry<Address, Optional<Actor>> e : changes.entrySet()) {
        if (e.getValue().isPresent()) {
          tree.setActor(e.getKey(), e.getValue().get());
        } else {
          tree.deleteActor(e.getKey());
        }
      }
    } catch (CborException e) {
      throw new VmFatalException("flushing state tree: " + e.getMessage(), e);
    }
    changes.clear();
    return tree.flush();
  }
}
