package io.filnode.actors.v2.power;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * power.CronEvent: a miner to call back at an epoch and the payload to pass, a tuple of 2. The
 * payload is not copied: treat it as read-only.
 */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record CronEvent(Address minerAddr, byte[] callbackPayload) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    minerAddr.encode(w);
    w.writeBytes(callbackPayload);
  }

  public static CronEvent decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "CronEvent");
    return new CronEvent(Address.decode(r), r.readBytes());
  }
}
