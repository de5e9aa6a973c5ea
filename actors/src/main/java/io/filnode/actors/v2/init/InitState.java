package io.filnode.actors.v2.init;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.InitActorState;
import java.util.Optional;

/**
 * The init actor's state as specs-actors v2 keeps it: {@code [AddressMap, NextID, NetworkName]},
 * where {@code AddressMap} is a HAMT from an address's bytes to the actor ID it was given. Mutable:
 * {@link #mapAddressToNewId} changes it inside a state transaction. The encoding is the one {@link
 * InitActorState} reads for the state tree.
 */
public final class InitState implements CborEncodable {
  private Cid addressMap;
  private long nextId;
  private final String networkName;

  public InitState(Cid addressMap, long nextId, String networkName) {
    this.addressMap = addressMap;
    this.nextId = nextId;
    this.networkName = networkName;
  }

  /** A new state over an empty address map, handing out IDs from the first non-singleton one. */
  public static InitState construct(Cid emptyAddressMap, String networkName) {
    return new InitState(emptyAddressMap, Builtin.FIRST_NON_SINGLETON_ACTOR_ID, networkName);
  }

  public Cid addressMap() {
    return addressMap;
  }

  public long nextId() {
    return nextId;
  }

  public String networkName() {
    return networkName;
  }

  /**
   * The ID address of {@code address}: itself if it is one, else the mapped ID, else empty. Loads
   * the address map only for a non-ID address.
   */
  public Optional<Address> resolveAddress(IpldStore store, Address address) {
    if (address.isId()) {
      return Optional.of(address);
    }
    AdtMap map = AdtMap.load(store, addressMap, BuiltinActors.hamtOptions(2));
    Long id = map.get(Keys.address(address), CborReader::readInt64);
    return id == null ? Optional.empty() : Optional.of(Address.newId(id));
  }

  /** Allocates the next actor ID, maps {@code address} to it and returns it as an ID address. */
  public Address mapAddressToNewId(IpldStore store, Address address) {
    long id = nextId;
    nextId++;
    AdtMap map = AdtMap.load(store, addressMap, BuiltinActors.hamtOptions(2));
    map.put(Keys.address(address), w -> w.writeInt64(id));
    addressMap = map.flush();
    return Address.newId(id);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeCid(addressMap);
    w.writeUint64(nextId);
    w.writeText(networkName);
  }

  public static InitState decode(CborReader r) throws CborException {
    InitActorState st = InitActorState.decode(r);
    return new InitState(st.addressMap(), st.nextId(), st.networkName());
  }
}
