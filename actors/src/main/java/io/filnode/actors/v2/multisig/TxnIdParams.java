package io.filnode.actors.v2.multisig;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Parameters of Approve and Cancel: the transaction ID and an optional proposal hash. An empty hash
 * means none (Go decodes an empty byte string as a nil slice, which skips the check).
 */
public record TxnIdParams(long id, byte[] proposalHash) implements CborEncodable {
  public TxnIdParams {
    proposalHash = proposalHash.clone();
  }

  @Override
  public byte[] proposalHash() {
    return proposalHash.clone();
  }

  /** True when the caller gave a hash to check. */
  public boolean hasProposalHash() {
    return proposalHash.length > 0;
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeInt64(id);
    w.writeBytes(proposalHash);
  }

  public static TxnIdParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "TxnIDParams");
    return new TxnIdParams(r.readInt64(), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxnIdParams p && id == p.id && Arrays.equals(proposalHash, p.proposalHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, Arrays.hashCode(proposalHash));
  }

  @Override
  public String toString() {
    return "TxnIDParams[" + id + "]";
  }
}
