package io.filnode.actors.runtime.proof;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;

/**
 * proof.SealVerifyInfo: what a PoRep is verified against, a tuple of 8 (the sector ID is a nested
 * tuple). Byte arrays are not copied: treat them as read-only.
 */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention, compared by CID where needed
public record SealVerifyInfo(
    long sealProof,
    SectorId sectorId,
    List<Long> dealIds,
    byte[] randomness,
    byte[] interactiveRandomness,
    byte[] proof,
    Cid sealedCid,
    Cid unsealedCid)
    implements CborEncodable {
  public SealVerifyInfo {
    dealIds = List.copyOf(dealIds);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(8);
    w.writeInt64(sealProof);
    sectorId.encode(w);
    w.writeArrayHeader(dealIds.size());
    for (long id : dealIds) {
      w.writeUint64(id);
    }
    w.writeBytes(randomness);
    w.writeBytes(interactiveRandomness);
    w.writeBytes(proof);
    w.writeCid(sealedCid);
    w.writeCid(unsealedCid);
  }

  public static SealVerifyInfo decode(CborReader r) throws CborException {
    r.readTupleHeader(8, "SealVerifyInfo");
    long sealProof = r.readInt64();
    SectorId id = SectorId.decode(r);
    int n = r.readArrayHeader();
    List<Long> deals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      deals.add(r.readUint64());
    }
    return new SealVerifyInfo(
        sealProof,
        id,
        deals,
        r.readBytes(),
        r.readBytes(),
        r.readBytes(),
        r.readCid(),
        r.readCid());
  }
}
