package io.filnode.actors.chaos;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * The chaos actor's state (Lotus {@code conformance/chaos.State}): the tuple {@code [Value,
 * Unmarshallable]}. {@code Unmarshallable} is a list of values that can be neither encoded nor
 * decoded, so only the empty list round-trips; a state holding any element fails to decode, which
 * is how vectors provoke state-decoding failures. Mutable, for use inside a state transaction.
 */
public final class ChaosState implements CborEncodable {
  private String value;

  public ChaosState(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeText(value);
    w.writeArrayHeader(0);
  }

  public static ChaosState decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "chaos actor state");
    String value = r.readText(CborReader.MAX_LENGTH);
    int start = r.position();
    if (r.readArrayHeader() > 0) {
      throw new CborException("failed to unmarshal cbor (Unmarshallable element)", start);
    }
    return new ChaosState(value);
  }
}
