package io.filnode.actors.v2.init;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;

/**
 * init.ExecParams: the code of the actor to create and its constructor's CBOR parameters, a tuple
 * of 2. The byte array is not copied: treat it as read-only.
 */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record ExecParams(Cid codeCid, byte[] constructorParams) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeCid(codeCid);
    w.writeBytes(constructorParams);
  }

  public static ExecParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ExecParams");
    return new ExecParams(r.readCid(), r.readBytes());
  }
}
