package io.filnode.actors.v2.multisig;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * What Propose returns: the new transaction's ID and, when the proposal alone met the threshold,
 * that it was applied with the inner call's exit code and return bytes ({@code code} and {@code
 * ret} mean nothing when {@code applied} is false).
 */
public record ProposeReturn(long txnId, boolean applied, long code, byte[] ret)
    implements CborEncodable {
  public ProposeReturn {
    ret = ret.clone();
  }

  @Override
  public byte[] ret() {
    return ret.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(4);
    w.writeInt64(txnId);
    w.writeBool(applied);
    w.writeInt64(code);
    w.writeBytes(ret);
  }

  public static ProposeReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "ProposeReturn");
    return new ProposeReturn(r.readInt64(), r.readBool(), r.readInt64(), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProposeReturn p
        && txnId == p.txnId
        && applied == p.applied
        && code == p.code
        && Arrays.equals(ret, p.ret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(txnId, applied, code, Arrays.hashCode(ret));
  }

  @Override
  public String toString() {
    return "ProposeReturn[txn " + txnId + ", applied " + applied + ", code " + code + "]";
  }
}
