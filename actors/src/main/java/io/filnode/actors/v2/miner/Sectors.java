package io.filnode.actors.v2.miner;

import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The miner's sectors: an AMT of {@link SectorOnChainInfo} by sector number (miner.Sectors). */
public final class Sectors {
  private final AdtArray array;

  private Sectors(AdtArray array) {
    this.array = array;
  }

  public static Sectors load(IpldStore store, Cid root) {
    return new Sectors(AdtArray.load(store, root, AmtOptions.v2()));
  }

  /** The sectors with the given numbers, in number order; a missing one is {@code ErrNotFound}. */
  public List<SectorOnChainInfo> load(BitField sectorNos) {
    List<SectorOnChainInfo> infos = new ArrayList<>();
    sectorNos.forEach(
        i -> {
          SectorOnChainInfo s = array.get(i, SectorOnChainInfo::decode);
          if (s == null) {
            throw Errors.notFound("can't find sector %d", i);
          }
          infos.add(s);
        });
    return infos;
  }

  /** The sector, or null when absent. */
  public SectorOnChainInfo get(long sectorNumber) {
    return array.get(sectorNumber, SectorOnChainInfo::decode);
  }

  public void store(List<SectorOnChainInfo> infos) {
    for (SectorOnChainInfo info : infos) {
      if (info.sectorNumber() < 0) {
        throw Errors.illegalState("sector number %d out of range", info.sectorNumber());
      }
      array.set(info.sectorNumber(), info);
    }
  }

  public SectorOnChainInfo mustGet(long sectorNumber) {
    SectorOnChainInfo s = get(sectorNumber);
    if (s == null) {
      throw Errors.illegalState("sector %d not found", sectorNumber);
    }
    return s;
  }

  boolean delete(long sectorNumber) {
    return array.delete(sectorNumber);
  }

  /**
   * The infos for a PoSt over {@code provenSectors}: faulty ones replaced by the first good sector,
   * or an empty list when every sector is faulty.
   */
  public List<SectorOnChainInfo> loadForProof(BitField provenSectors, BitField expectedFaults) {
    BitField nonFaults = provenSectors.subtract(expectedFaults);
    if (nonFaults.isEmpty()) {
      return List.of();
    }
    return loadWithFaultMask(provenSectors, expectedFaults, nonFaults.first().getAsLong());
  }

  /** The infos of {@code sectors}, with the stand-in's info for each faulty one. */
  public List<SectorOnChainInfo> loadWithFaultMask(
      BitField sectors, BitField faults, long faultStandIn) {
    SectorOnChainInfo standIn = mustGet(faultStandIn);
    List<SectorOnChainInfo> infos = new ArrayList<>();
    sectors.forEach(i -> infos.add(faults.isSet(i) ? standIn : mustGet(i)));
    return infos;
  }

  public Cid flush() {
    return array.flush();
  }

  /** The sectors among {@code sectors} whose numbers are in {@code field}, all of which must be. */
  static List<SectorOnChainInfo> select(List<SectorOnChainInfo> sectors, BitField field) {
    Set<Long> toInclude = new HashSet<>();
    field.forEach(toInclude::add);
    List<SectorOnChainInfo> included = new ArrayList<>();
    for (SectorOnChainInfo s : sectors) {
      if (toInclude.remove(s.sectorNumber())) {
        included.add(s);
      }
    }
    if (!toInclude.isEmpty()) {
      throw Errors.illegalState("failed to find %d expected sectors", toInclude.size());
    }
    return included;
  }

  static void writeDealIds(CborWriter w, List<Long> ids) {
    w.writeArrayHeader(ids.size());
    for (long id : ids) {
      w.writeUint64(id);
    }
  }

  static List<Long> readDealIds(CborReader r) throws CborException {
    int n = r.readArrayHeader();
    List<Long> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(r.readUint64());
    }
    return ids;
  }
}
