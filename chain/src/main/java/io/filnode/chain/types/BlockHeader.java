package io.filnode.chain.types;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A block header as Lotus's {@code types.BlockHeader}: a tuple of 16 fields. {@code ticket}, {@code
 * electionProof}, {@code blsAggregate} and {@code blockSig} may be null (encoded as CBOR null);
 * {@code timestamp} and {@code forkSignaling} are uint64.
 */
public record BlockHeader(
    Address miner,
    Ticket ticket,
    ElectionProof electionProof,
    List<BeaconEntry> beaconEntries,
    List<PoStProof> winPoStProof,
    List<Cid> parents,
    BigInteger parentWeight,
    long height,
    Cid parentStateRoot,
    Cid parentMessageReceipts,
    Cid messages,
    Signature blsAggregate,
    long timestamp,
    Signature blockSig,
    long forkSignaling,
    TokenAmount parentBaseFee)
    implements CborEncodable {

  public BlockHeader {
    if (miner == null
        || parentWeight == null
        || parentStateRoot == null
        || parentMessageReceipts == null
        || messages == null
        || parentBaseFee == null) {
      throw new IllegalArgumentException("block header is missing a required field");
    }
    beaconEntries = List.copyOf(beaconEntries);
    winPoStProof = List.copyOf(winPoStProof);
    parents = List.copyOf(parents);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(16);
    miner.encode(w);
    if (ticket == null) {
      w.writeNull();
    } else {
      ticket.encode(w);
    }
    if (electionProof == null) {
      w.writeNull();
    } else {
      electionProof.encode(w);
    }
    w.writeArrayHeader(beaconEntries.size());
    for (BeaconEntry e : beaconEntries) {
      e.encode(w);
    }
    w.writeArrayHeader(winPoStProof.size());
    for (PoStProof p : winPoStProof) {
      p.encode(w);
    }
    w.writeArrayHeader(parents.size());
    for (Cid c : parents) {
      w.writeCid(c);
    }
    w.writeBigInt(parentWeight);
    w.writeInt64(height);
    w.writeCid(parentStateRoot);
    w.writeCid(parentMessageReceipts);
    w.writeCid(messages);
    writeSignatureOrNull(w, blsAggregate);
    w.writeUint64(timestamp);
    writeSignatureOrNull(w, blockSig);
    w.writeUint64(forkSignaling);
    parentBaseFee.encode(w);
  }

  private static void writeSignatureOrNull(CborWriter w, Signature s) {
    if (s == null) {
      w.writeNull();
    } else {
      s.encode(w);
    }
  }

  private static Signature readSignatureOrNull(CborReader r) throws CborException {
    if (r.peekNull()) {
      r.readNull();
      return null;
    }
    return Signature.decode(r);
  }

  public static BlockHeader decode(CborReader r) throws CborException {
    r.readTupleHeader(16, "BlockHeader");
    Address miner = Address.decode(r);
    Ticket ticket = null;
    if (r.peekNull()) {
      r.readNull();
    } else {
      ticket = Ticket.decode(r);
    }
    ElectionProof electionProof = null;
    if (r.peekNull()) {
      r.readNull();
    } else {
      electionProof = ElectionProof.decode(r);
    }
    int n = r.readArrayHeader();
    List<BeaconEntry> beacons = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      beacons.add(BeaconEntry.decode(r));
    }
    n = r.readArrayHeader();
    List<PoStProof> posts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      posts.add(PoStProof.decode(r));
    }
    n = r.readArrayHeader();
    List<Cid> parents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parents.add(r.readCid());
    }
    return new BlockHeader(
        miner,
        ticket,
        electionProof,
        beacons,
        posts,
        parents,
        r.readBigInt(),
        r.readInt64(),
        r.readCid(),
        r.readCid(),
        r.readCid(),
        readSignatureOrNull(r),
        r.readUint64(),
        readSignatureOrNull(r),
        r.readUint64(),
        TokenAmount.decode(r));
  }

  public static BlockHeader fromCbor(byte[] bytes) throws CborException {
    return CborReader.decodeWhole(bytes, "BlockHeader", BlockHeader::decode);
  }

  /** The bytes the miner signs: the header with a null block signature. */
  public byte[] signingBytes() {
    return withBlockSig(null).toCbor();
  }

  public BlockHeader withBlockSig(Signature sig) {
    return new BlockHeader(
        miner,
        ticket,
        electionProof,
        beaconEntries,
        winPoStProof,
        parents,
        parentWeight,
        height,
        parentStateRoot,
        parentMessageReceipts,
        messages,
        blsAggregate,
        timestamp,
        sig,
        forkSignaling,
        parentBaseFee);
  }

  @Override
  public String toString() {
    return "BlockHeader[miner " + miner + ", height " + height + "]";
  }
}
