package io.filnode.actors.chaos;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Hex;
import java.util.Arrays;

/**
 * What Send returns: the tuple {@code [Return, Code]}, the callee's raw return bytes (empty when
 * the call failed) as a byte string and its exit code (Go's int64).
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString compare contents
public record SendReturn(byte[] returnValue, long code) implements CborEncodable {
  public SendReturn {
    returnValue = returnValue.clone();
  }

  @Override
  public byte[] returnValue() {
    return returnValue.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeBytes(returnValue);
    w.writeInt64(code);
  }

  public static SendReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "chaos send return");
    byte[] ret = r.readBytes();
    return new SendReturn(ret, r.readInt64());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SendReturn s && code == s.code && Arrays.equals(returnValue, s.returnValue);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(returnValue) * 31 + Long.hashCode(code);
  }

  @Override
  public String toString() {
    return "SendReturn[returnValue=" + Hex.encode(returnValue) + ", code=" + code + "]";
  }
}
