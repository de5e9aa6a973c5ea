package io.filnode.chain.types;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;

/** The receipt of an applied message: exit code, return bytes and gas used, a tuple. */
public record MessageReceipt(long exitCode, byte[] returnValue, long gasUsed)
    implements CborEncodable {
  public MessageReceipt {
    returnValue = returnValue == null ? new byte[0] : returnValue.clone();
  }

  @Override
  public byte[] returnValue() {
    return returnValue.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeInt64(exitCode);
    w.writeBytes(returnValue);
    w.writeInt64(gasUsed);
  }

  public static MessageReceipt decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "MessageReceipt");
    return new MessageReceipt(r.readInt64(), r.readBytes(), r.readInt64());
  }

  public static MessageReceipt fromCbor(byte[] bytes) throws CborException {
    return CborReader.decodeWhole(bytes, "MessageReceipt", MessageReceipt::decode);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageReceipt
        && ((MessageReceipt) o).exitCode == exitCode
        && ((MessageReceipt) o).gasUsed == gasUsed
        && Arrays.equals(returnValue, ((MessageReceipt) o).returnValue);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toCbor());
  }

  @Override
  public String toString() {
    return "MessageReceipt[exit " + exitCode + ", gas " + gasUsed + "]";
  }
}
