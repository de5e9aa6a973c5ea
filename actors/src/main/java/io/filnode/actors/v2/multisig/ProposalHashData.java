package io.filnode.actors.v2.multisig;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;
import java.util.Arrays;

/**
 * What a proposal hash covers: the proposer (as an ID address) and the transaction's call. Its
 * BLAKE2b-256 lets an approver or canceller name the exact proposal, since transaction IDs may
 * change under a reorg. Only ever encoded, never decoded.
 */
public record ProposalHashData(
    Address requester, Address to, TokenAmount value, long method, byte[] params)
    implements CborEncodable {
  public ProposalHashData {
    params = params.clone();
  }

  /** The hash data of {@code txn}, whose first approver is its proposer. */
  public static ProposalHashData of(Transaction txn) {
    return new ProposalHashData(
        txn.approved().get(0), txn.to(), txn.value(), txn.method(), txn.params());
  }

  @Override
  public byte[] params() {
    return params.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(5);
    requester.encode(w);
    to.encode(w);
    value.encode(w);
    w.writeUint64(method);
    w.writeBytes(params);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProposalHashData p
        && requester.equals(p.requester)
        && Arrays.equals(toCbor(), p.toCbor());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toCbor());
  }

  @Override
  public String toString() {
    return "ProposalHashData[requester " + requester + ", to " + to + "]";
  }
}
