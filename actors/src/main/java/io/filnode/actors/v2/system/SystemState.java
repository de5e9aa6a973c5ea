package io.filnode.actors.v2.system;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** The system actor's state: an empty struct, encoded as the empty tuple {@code []}. */
public record SystemState() implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(0);
  }

  public static SystemState decode(CborReader r) throws CborException {
    r.readTupleHeader(0, "system actor state");
    return new SystemState();
  }
}
