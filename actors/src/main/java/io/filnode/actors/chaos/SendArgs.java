package io.filnode.actors.chaos;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.types.TokenAmount;
import java.util.Arrays;
import java.util.Objects;

/**
 * Arguments of Send: the tuple {@code [To, Value, Method, Params]}, where {@code Params} is a byte
 * string forwarded as the call's raw CBOR parameters and {@code method} is Go's uint64.
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString compare contents
public record SendArgs(Address to, TokenAmount value, long method, byte[] params)
    implements CborEncodable {
  public SendArgs {
    params = params.clone();
  }

  @Override
  public byte[] params() {
    return params.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(4);
    to.encode(w);
    value.encode(w);
    w.writeUint64(method);
    w.writeBytes(params);
  }

  public static SendArgs decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "chaos send args");
    Address to = Address.decode(r);
    TokenAmount value = TokenAmount.decode(r);
    long method = r.readUint64();
    return new SendArgs(to, value, method, r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SendArgs s
        && to.equals(s.to)
        && value.equals(s.value)
        && method == s.method
        && Arrays.equals(params, s.params);
  }

  @Override
  public int hashCode() {
    return Objects.hash(to, value, method) * 31 + Arrays.hashCode(params);
  }

  @Override
  public String toString() {
    return "SendArgs[to="
        + to
        + ", value="
        + value
        + ", method="
        + Long.toUnsignedString(method)
        + ", params="
        + Hex.encode(params)
        + "]";
  }
}
