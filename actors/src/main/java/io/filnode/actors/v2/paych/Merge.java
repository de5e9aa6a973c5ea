package io.filnode.actors.v2.paych;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** A lane a voucher merges into its own, with the nonce that lane moves to (both uint64). */
public record Merge(long lane, long nonce) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(lane);
    w.writeUint64(nonce);
  }

  public static Merge decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "Merge");
    return new Merge(r.readUint64(), r.readUint64());
  }
}
