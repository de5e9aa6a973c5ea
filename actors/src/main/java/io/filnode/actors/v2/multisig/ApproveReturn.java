package io.filnode.actors.v2.multisig;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * What Approve returns: whether the transaction was applied and, if so, the inner call's exit code
 * and return bytes.
 */
public record ApproveReturn(boolean applied, long code, byte[] ret) implements CborEncodable {
  public ApproveReturn {
    ret = ret.clone();
  }

  @Override
  public byte[] ret() {
    return ret.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeBool(applied);
    w.writeInt64(code);
    w.writeBytes(ret);
  }

  public static ApproveReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "ApproveReturn");
    return new ApproveReturn(r.readBool(), r.readInt64(), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApproveReturn p
        && applied == p.applied
        && code == p.code
        && Arrays.equals(ret, p.ret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(applied, code, Arrays.hashCode(ret));
  }

  @Override
  public String toString() {
    return "ApproveReturn[applied " + applied + ", code " + code + "]";
  }
}
