package io.filnode.actors.chaos;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;

/**
 * Arguments of CreateActor: the tuple {@code [UndefActorCID, ActorCID, UndefAddress, Address]}. An
 * undefined CID or address cannot be encoded, so the flags ask for Go's {@code cid.Undef} and
 * {@code address.Undef} instead of the encoded values.
 */
public record CreateActorArgs(
    boolean undefActorCid, Cid actorCid, boolean undefAddress, Address address)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(4);
    w.writeBool(undefActorCid);
    w.writeCid(actorCid);
    w.writeBool(undefAddress);
    address.encode(w);
  }

  public static CreateActorArgs decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "chaos create actor args");
    boolean undefCid = r.readBool();
    Cid cid = r.readCid();
    boolean undefAddr = r.readBool();
    return new CreateActorArgs(undefCid, cid, undefAddr, Address.decode(r));
  }
}
