package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** Whether all early-termination work is done, a tuple. */
public record TerminateSectorsReturn(boolean done) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeBool(done);
  }

  public static TerminateSectorsReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "TerminateSectorsReturn");
    return new TerminateSectorsReturn(r.readBool());
  }
}
