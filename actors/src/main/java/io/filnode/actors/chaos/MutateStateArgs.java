package io.filnode.actors.chaos;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * Arguments of MutateState: the tuple {@code [Value, Branch]}. Branch 0 sets the value inside a
 * transaction; 1 changes a read-only copy; 2 changes the object after its transaction ended; any
 * other branch is an uncontrolled failure.
 */
public record MutateStateArgs(String value, long branch) implements CborEncodable {
  public static final long IN_TRANSACTION = 0;
  public static final long READONLY = 1;
  public static final long AFTER_TRANSACTION = 2;

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeText(value);
    w.writeInt64(branch);
  }

  public static MutateStateArgs decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "chaos mutate state args");
    String value = r.readText(CborReader.MAX_LENGTH);
    return new MutateStateArgs(value, r.readInt64());
  }
}
