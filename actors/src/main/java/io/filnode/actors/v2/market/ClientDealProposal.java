package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.Signature;

/** A deal proposal with the client's signature over its CBOR (v0 {@code ClientDealProposal}). */
public record ClientDealProposal(DealProposal proposal, Signature clientSignature)
    implements CborEncodable {

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    proposal.encode(w);
    clientSignature.encode(w);
  }

  public static ClientDealProposal decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ClientDealProposal");
    return new ClientDealProposal(DealProposal.decode(r), Signature.decode(r));
  }
}
