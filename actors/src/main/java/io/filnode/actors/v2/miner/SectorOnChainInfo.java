package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.List;

/** A committed sector (miner.SectorOnChainInfo), a tuple of 13. */
public record SectorOnChainInfo(
    long sectorNumber,
    long sealProof,
    Cid sealedCid,
    List<Long> dealIds,
    long activation,
    long expiration,
    BigInteger dealWeight,
    BigInteger verifiedDealWeight,
    TokenAmount initialPledge,
    TokenAmount expectedDayReward,
    TokenAmount expectedStoragePledge,
    long replacedSectorAge,
    TokenAmount replacedDayReward)
    implements CborEncodable {
  public SectorOnChainInfo {
    dealIds = List.copyOf(dealIds);
  }

  /** This sector with another expiration. */
  public SectorOnChainInfo withExpiration(long newExpiration) {
    return new SectorOnChainInfo(
        sectorNumber,
        sealProof,
        sealedCid,
        dealIds,
        activation,
        newExpiration,
        dealWeight,
        verifiedDealWeight,
        initialPledge,
        expectedDayReward,
        expectedStoragePledge,
        replacedSectorAge,
        replacedDayReward);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(13);
    w.writeUint64(sectorNumber);
    w.writeInt64(sealProof);
    w.writeCid(sealedCid);
    Sectors.writeDealIds(w, dealIds);
    w.writeInt64(activation);
    w.writeInt64(expiration);
    w.writeBigInt(dealWeight);
    w.writeBigInt(verifiedDealWeight);
    initialPledge.encode(w);
    expectedDayReward.encode(w);
    expectedStoragePledge.encode(w);
    w.writeInt64(replacedSectorAge);
    replacedDayReward.encode(w);
  }

  public static SectorOnChainInfo decode(CborReader r) throws CborException {
    r.readTupleHeader(13, "SectorOnChainInfo");
    long number = r.readUint64();
    long sealProof = r.readInt64();
    Cid sealed = r.readCid();
    List<Long> deals = Sectors.readDealIds(r);
    return new SectorOnChainInfo(
        number,
        sealProof,
        sealed,
        deals,
        r.readInt64(),
        r.readInt64(),
        r.readBigInt(),
        r.readBigInt(),
        TokenAmount.decode(r),
        TokenAmount.decode(r),
        TokenAmount.decode(r),
        r.readInt64(),
        TokenAmount.decode(r));
  }
}
