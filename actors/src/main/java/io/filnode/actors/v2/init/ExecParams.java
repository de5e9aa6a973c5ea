package io.filnode.actors.v2.init;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import java.util.Arrays;

/**
 * Parameters of the init actor's Exec: the tuple {@code [CodeCID, ConstructorParams]}, where the
 * second is a byte string holding the new actor's CBOR constructor parameters.
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString compare contents
public record ExecParams(Cid codeCid, byte[] constructorParams) implements CborEncodable {
  public ExecParams {
    constructorParams = constructorParams.clone();
  }

  @Override
  public byte[] constructorParams() {
    return constructorParams.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeCid(codeCid);
    w.writeBytes(constructorParams);
  }

  public static ExecParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "init exec params");
    Cid code = r.readCid();
    return new ExecParams(code, r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExecParams p
        && codeCid.equals(p.codeCid)
        && Arrays.equals(constructorParams, p.constructorParams);
  }

  @Override
  public int hashCode() {
    return 31 * codeCid.hashCode() + Arrays.hashCode(constructorParams);
  }

  @Override
  public String toString() {
    return "ExecParams[codeCid="
        + codeCid
        + ", constructorParams="
        + Hex.encode(constructorParams)
        + "]";
  }
}
