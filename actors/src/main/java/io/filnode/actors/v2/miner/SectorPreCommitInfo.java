package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.List;

/**
 * What a miner commits to when it pre-commits a sector (miner.SectorPreCommitInfo, also the
 * parameters of PreCommitSector), a tuple of 10.
 */
public record SectorPreCommitInfo(
    long sealProof,
    long sectorNumber,
    Cid sealedCid,
    long sealRandEpoch,
    List<Long> dealIds,
    long expiration,
    boolean replaceCapacity,
    long replaceSectorDeadline,
    long replaceSectorPartition,
    long replaceSectorNumber)
    implements CborEncodable {
  public SectorPreCommitInfo {
    dealIds = List.copyOf(dealIds);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(10);
    w.writeInt64(sealProof);
    w.writeUint64(sectorNumber);
    w.writeCid(sealedCid);
    w.writeInt64(sealRandEpoch);
    Sectors.writeDealIds(w, dealIds);
    w.writeInt64(expiration);
    w.writeBool(replaceCapacity);
    w.writeUint64(replaceSectorDeadline);
    w.writeUint64(replaceSectorPartition);
    w.writeUint64(replaceSectorNumber);
  }

  public static SectorPreCommitInfo decode(CborReader r) throws CborException {
    r.readTupleHeader(10, "SectorPreCommitInfo");
    long sealProof = r.readInt64();
    long number = r.readUint64();
    Cid sealed = r.readCid();
    long randEpoch = r.readInt64();
    List<Long> deals = Sectors.readDealIds(r);
    return new SectorPreCommitInfo(
        sealProof,
        number,
        sealed,
        randEpoch,
        deals,
        r.readInt64(),
        r.readBool(),
        r.readUint64(),
        r.readUint64(),
        r.readUint64());
  }
}
