package io.filnode.actors.v2.power;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * power.EnrollCronEventParams: the epoch at which to call the miner back and the payload to call it
 * with, a tuple of 2. The payload is not copied: treat it as read-only.
 */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record EnrollCronEventParams(long eventEpoch, byte[] payload) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeInt64(eventEpoch);
    w.writeBytes(payload);
  }

  public static EnrollCronEventParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "EnrollCronEventParams");
    return new EnrollCronEventParams(r.readInt64(), r.readBytes());
  }
}
