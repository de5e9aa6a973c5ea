package io.filnode.actors.v2.multisig;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** Parameters of ChangeNumApprovalsThreshold: the new threshold, a uint64. */
public record ChangeNumApprovalsThresholdParams(long newThreshold) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeUint64(newThreshold);
  }

  public static ChangeNumApprovalsThresholdParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "ChangeNumApprovalsThresholdParams");
    return new ChangeNumApprovalsThresholdParams(r.readUint64());
  }
}
