package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** ReportConsensusFault parameters: two (or three) block headers, a tuple. Not copied. */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record ReportConsensusFaultParams(
    byte[] blockHeader1, byte[] blockHeader2, byte[] blockHeaderExtra) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeBytes(blockHeader1);
    w.writeBytes(blockHeader2);
    w.writeBytes(blockHeaderExtra);
  }

  public static ReportConsensusFaultParams decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "ReportConsensusFaultParams");
    return new ReportConsensusFaultParams(r.readBytes(), r.readBytes(), r.readBytes());
  }
}
