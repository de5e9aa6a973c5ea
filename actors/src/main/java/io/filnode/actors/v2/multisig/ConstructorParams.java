package io.filnode.actors.v2.multisig;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.List;

/**
 * Parameters of the multisig constructor. {@code numApprovalsThreshold} is a uint64; v2 added
 * {@code startEpoch} (the vesting start) to v0's fields.
 */
public record ConstructorParams(
    List<Address> signers, long numApprovalsThreshold, long unlockDuration, long startEpoch)
    implements CborEncodable {
  public ConstructorParams {
    signers = List.copyOf(signers);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(4);
    MultisigCodec.writeAddresses(w, signers);
    w.writeUint64(numApprovalsThreshold);
    w.writeInt64(unlockDuration);
    w.writeInt64(startEpoch);
  }

  public static ConstructorParams decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "ConstructorParams");
    return new ConstructorParams(
        MultisigCodec.readAddresses(r), r.readUint64(), r.readInt64(), r.readInt64());
  }
}
