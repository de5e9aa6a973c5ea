package io.filnode.chain.types;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;

/**
 * A message as Lotus's {@code types.Message}: a tuple of ten fields. {@code nonce} and {@code
 * method} are uint64 (a negative long means ≥ 2^63); {@code gasLimit} is int64; empty params are
 * held as an empty array.
 */
public record UnsignedMessage(
    long version,
    Address to,
    Address from,
    long nonce,
    TokenAmount value,
    long gasLimit,
    TokenAmount gasFeeCap,
    TokenAmount gasPremium,
    long method,
    byte[] params)
    implements CborEncodable {

  public UnsignedMessage {
    if (to == null || from == null || value == null || gasFeeCap == null || gasPremium == null) {
      throw new IllegalArgumentException("a message needs to, from, value and gas prices");
    }
    params = params == null ? new byte[0] : params.clone();
  }

  @Override
  public byte[] params() {
    return params.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(10);
    w.writeUint64(version);
    to.encode(w);
    from.encode(w);
    w.writeUint64(nonce);
    value.encode(w);
    w.writeInt64(gasLimit);
    gasFeeCap.encode(w);
    gasPremium.encode(w);
    w.writeUint64(method);
    w.writeBytes(params);
  }

  public static UnsignedMessage decode(CborReader r) throws CborException {
    r.readTupleHeader(10, "Message");
    return new UnsignedMessage(
        r.readUint64(),
        Address.decode(r),
        Address.decode(r),
        r.readUint64(),
        TokenAmount.decode(r),
        r.readInt64(),
        TokenAmount.decode(r),
        TokenAmount.decode(r),
        r.readUint64(),
        r.readBytes());
  }

  public static UnsignedMessage fromCbor(byte[] bytes) throws CborException {
    return CborReader.decodeWhole(bytes, "Message", UnsignedMessage::decode);
  }

  /** The length of the encoded message, which gas charges are computed from. */
  public int chainLength() {
    return toCbor().length;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof UnsignedMessage)) {
      return false;
    }
    UnsignedMessage m = (UnsignedMessage) o;
    return version == m.version
        && nonce == m.nonce
        && gasLimit == m.gasLimit
        && method == m.method
        && to.equals(m.to)
        && from.equals(m.from)
        && value.equals(m.value)
        && gasFeeCap.equals(m.gasFeeCap)
        && gasPremium.equals(m.gasPremium)
        && Arrays.equals(params, m.params);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toCbor());
  }

  @Override
  public String toString() {
    return "Message["
        + from
        + "→"
        + to
        + " nonce "
        + Long.toUnsignedString(nonce)
        + " method "
        + Long.toUnsignedString(method)
        + " value "
        + value
        + "]";
  }
}
