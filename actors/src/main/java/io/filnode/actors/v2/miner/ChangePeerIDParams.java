package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** ChangePeerID parameters, a tuple. The array is not copied: treat it as read-only. */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record ChangePeerIDParams(byte[] newId) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeBytes(newId);
  }

  public static ChangePeerIDParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "ChangePeerIDParams");
    return new ChangePeerIDParams(r.readBytes());
  }
}
