package io.filnode.actors.v2.paych;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Parameters of UpdateChannelState: the voucher and the secret whose hash it may require (v2
 * dropped v0's unused proof field).
 */
public record UpdateChannelStateParams(SignedVoucher sv, byte[] secret) implements CborEncodable {
  public UpdateChannelStateParams {
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    sv.encode(w);
    w.writeBytes(secret);
  }

  public static UpdateChannelStateParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "UpdateChannelStateParams");
    return new UpdateChannelStateParams(SignedVoucher.decode(r), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UpdateChannelStateParams p
        && sv.equals(p.sv)
        && Arrays.equals(secret, p.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sv, Arrays.hashCode(secret));
  }

  @Override
  public String toString() {
    return "UpdateChannelStateParams[" + sv + ", " + secret.length + " secret bytes]";
  }
}
