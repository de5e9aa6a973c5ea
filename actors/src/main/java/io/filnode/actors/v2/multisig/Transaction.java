package io.filnode.actors.v2.multisig;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A pending multisig transaction. {@code approved} lists the signers that approved it in order; the
 * first is the proposer, so the order is kept.
 */
public record Transaction(
    Address to, TokenAmount value, long method, byte[] params, List<Address> approved)
    implements CborEncodable {
  public Transaction {
    params = params.clone();
    approved = List.copyOf(approved);
  }

  @Override
  public byte[] params() {
    return params.clone();
  }

  /** This transaction with {@code approver} appended to its approvals. */
  public Transaction withApproval(Address approver) {
    List<Address> more = new ArrayList<>(approved);
    more.add(approver);
    return withApprovals(more);
  }

  public Transaction withApprovals(List<Address> newApproved) {
    return new Transaction(to, value, method, params, newApproved);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(5);
    to.encode(w);
    value.encode(w);
    w.writeUint64(method);
    w.writeBytes(params);
    MultisigCodec.writeAddresses(w, approved);
  }

  public static Transaction decode(CborReader r) throws CborException {
    r.readTupleHeader(5, "Transaction");
    return new Transaction(
        Address.decode(r),
        TokenAmount.decode(r),
        r.readUint64(),
        r.readBytes(),
        MultisigCodec.readAddresses(r));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction t
        && to.equals(t.to)
        && value.equals(t.value)
        && method == t.method
        && Arrays.equals(params, t.params)
        && approved.equals(t.approved);
  }

  @Override
  public int hashCode() {
    return Objects.hash(to, value, method, Arrays.hashCode(params), approved);
  }

  @Override
  public String toString() {
    return "Transaction[to "
        + to
        + ", value "
        + value.toAttoString()
        + ", method "
        + Long.toUnsignedString(method)
        + ", "
        + params.length
        + " param bytes, approved "
        + approved
        + "]";
  }
}
