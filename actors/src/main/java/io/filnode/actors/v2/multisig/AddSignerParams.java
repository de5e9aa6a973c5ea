package io.filnode.actors.v2.multisig;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** Parameters of AddSigner: the new signer and whether the threshold goes up by one. */
public record AddSignerParams(Address signer, boolean increase) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    signer.encode(w);
    w.writeBool(increase);
  }

  public static AddSignerParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "AddSignerParams");
    return new AddSignerParams(Address.decode(r), r.readBool());
  }
}
