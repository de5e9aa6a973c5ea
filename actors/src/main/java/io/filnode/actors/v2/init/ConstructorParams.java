package io.filnode.actors.v2.init;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** The init actor's constructor parameters: the tuple {@code [NetworkName]}. */
public record ConstructorParams(String networkName) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeText(networkName);
  }

  public static ConstructorParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "init constructor params");
    return new ConstructorParams(r.readText());
  }
}
