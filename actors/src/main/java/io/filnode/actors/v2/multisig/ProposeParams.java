package io.filnode.actors.v2.multisig;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;
import java.util.Arrays;
import java.util.Objects;

/** Parameters of Propose: the call to make, {@code params} being its raw CBOR parameters. */
public record ProposeParams(Address to, TokenAmount value, long method, byte[] params)
    implements CborEncodable {
  public ProposeParams {
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

  public static ProposeParams decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "ProposeParams");
    return new ProposeParams(
        Address.decode(r), TokenAmount.decode(r), r.readUint64(), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProposeParams p
        && to.equals(p.to)
        && value.equals(p.value)
        && method == p.method
        && Arrays.equals(params, p.params);
  }

  @Override
  public int hashCode() {
    return Objects.hash(to, value, method, Arrays.hashCode(params));
  }

  @Override
  public String toString() {
    return "ProposeParams[to " + to + ", method " + Long.toUnsignedString(method) + "]";
  }
}
