package io.filnode.actors.v2.multisig;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** Parameters of SwapSigner: the signer to replace and its replacement. */
public record SwapSignerParams(Address from, Address to) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    from.encode(w);
    to.encode(w);
  }

  public static SwapSignerParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "SwapSignerParams");
    return new SwapSignerParams(Address.decode(r), Address.decode(r));
  }
}
