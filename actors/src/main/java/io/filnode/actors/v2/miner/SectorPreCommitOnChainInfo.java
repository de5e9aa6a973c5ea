package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

/** A pre-committed sector with its deposit, epoch and deal weights, a tuple of 5. */
public record SectorPreCommitOnChainInfo(
    SectorPreCommitInfo info,
    TokenAmount preCommitDeposit,
    long preCommitEpoch,
    BigInteger dealWeight,
    BigInteger verifiedDealWeight)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(5);
    info.encode(w);
    preCommitDeposit.encode(w);
    w.writeInt64(preCommitEpoch);
    w.writeBigInt(dealWeight);
    w.writeBigInt(verifiedDealWeight);
  }

  public static SectorPreCommitOnChainInfo decode(CborReader r) throws CborException {
    r.readTupleHeader(5, "SectorPreCommitOnChainInfo");
    return new SectorPreCommitOnChainInfo(
        SectorPreCommitInfo.decode(r),
        TokenAmount.decode(r),
        r.readInt64(),
        r.readBigInt(),
        r.readBigInt());
  }
}
