package io.filnode.actors.v2.multisig;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/** Parameters of RemoveSigner: the signer to remove and whether the threshold goes down by one. */
public record RemoveSignerParams(Address signer, boolean decrease) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    signer.encode(w);
    w.writeBool(decrease);
  }

  public static RemoveSignerParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "RemoveSignerParams");
    return new RemoveSignerParams(Address.decode(r), r.readBool());
  }
}
