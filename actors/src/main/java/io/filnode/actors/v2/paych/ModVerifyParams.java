package io.filnode.actors.v2.paych;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * A voucher's extra check: a method of another actor that must succeed for the voucher to be
 * redeemed, called with {@code data} as its raw CBOR parameters.
 */
public record ModVerifyParams(Address actor, long method, byte[] data) implements CborEncodable {
  public ModVerifyParams {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    actor.encode(w);
    w.writeUint64(method);
    w.writeBytes(data);
  }

  public static ModVerifyParams decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "ModVerifyParams");
    return new ModVerifyParams(Address.decode(r), r.readUint64(), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModVerifyParams p
        && actor.equals(p.actor)
        && method == p.method
        && Arrays.equals(data, p.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(actor, method, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "ModVerifyParams[" + actor + ", method " + Long.toUnsignedString(method) + "]";
  }
}
