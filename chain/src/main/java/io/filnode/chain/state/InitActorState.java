package io.filnode.chain.state;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;

/**
 * The init actor's state, as the state tree needs it to resolve addresses: the tuple {@code
 * [AddressMap, NextID, NetworkName]}, the same in specs-actors v0 to v4. {@code AddressMap} is a
 * HAMT from an address's bytes to its actor ID (a CBOR integer).
 */
public record InitActorState(Cid addressMap, long nextId, String networkName) {
  public static InitActorState decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "init actor state");
    Cid map = r.readCid();
    long next = r.readUint63();
    String name = r.readText();
    return new InitActorState(map, next, name);
  }
}
