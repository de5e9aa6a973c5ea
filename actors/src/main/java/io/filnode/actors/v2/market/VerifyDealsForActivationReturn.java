package io.filnode.actors.v2.market;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/**
 * What VerifyDealsForActivation returns (v2 added {@code DealSpace}): the space-time of the
 * unverified and of the verified deals, and their total padded size (a uint64 that wraps as Go's).
 */
public record VerifyDealsForActivationReturn(
    BigInteger dealWeight, BigInteger verifiedDealWeight, long dealSpace) implements CborEncodable {

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeBigInt(dealWeight);
    w.writeBigInt(verifiedDealWeight);
    w.writeUint64(dealSpace);
  }

  public static VerifyDealsForActivationReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "VerifyDealsForActivationReturn");
    return new VerifyDealsForActivationReturn(r.readBigInt(), r.readBigInt(), r.readUint64());
  }
}
