package io.filnode.actors.chaos;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * Arguments of AbortWith: the tuple {@code [Code, Message, Uncontrolled]}; {@code code} is Go's
 * int64 exit code, and an uncontrolled abort ignores it and fails as a Go panic would.
 */
public record AbortWithArgs(long code, String message, boolean uncontrolled)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeInt64(code);
    w.writeText(message);
    w.writeBool(uncontrolled);
  }

  public static AbortWithArgs decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "chaos abort with args");
    long code = r.readInt64();
    String message = r.readText(CborReader.MAX_LENGTH);
    return new AbortWithArgs(code, message, r.readBool());
  }
}
