package io.filnode.actors.v2.market;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A storage deal as the client proposes it (specs-actors v0 {@code market.DealProposal}, which v2
 * aliases): an 11-field tuple. Its CBOR is what the client signs and what the deal's CID hashes.
 *
 * @param pieceSize the padded piece size, a uint64
 * @param label free text chosen by the client (a CBOR text string)
 */
public record DealProposal(
    Cid pieceCid,
    long pieceSize,
    boolean verifiedDeal,
    Address client,
    Address provider,
    String label,
    long startEpoch,
    long endEpoch,
    TokenAmount storagePricePerEpoch,
    TokenAmount providerCollateral,
    TokenAmount clientCollateral)
    implements CborEncodable {

  public long duration() {
    return endEpoch - startEpoch;
  }

  public TokenAmount totalStorageFee() {
    return storagePricePerEpoch.multiply(duration());
  }

  public TokenAmount clientBalanceRequirement() {
    return clientCollateral.add(totalStorageFee());
  }

  public TokenAmount providerBalanceRequirement() {
    return providerCollateral;
  }

  /** The label's length in bytes, as Go's {@code len} of a string counts it. */
  public int labelLength() {
    return label.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The piece size as the unsigned integer it is. */
  public BigInteger pieceSizeUnsigned() {
    return new BigInteger(Long.toUnsignedString(pieceSize));
  }

  /** This proposal with the client and provider replaced (by their ID addresses). */
  public DealProposal withParties(Address newClient, Address newProvider) {
    return new DealProposal(
        pieceCid,
        pieceSize,
        verifiedDeal,
        newClient,
        newProvider,
        label,
        startEpoch,
        endEpoch,
        storagePricePerEpoch,
        providerCollateral,
        clientCollateral);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(11);
    w.writeCid(pieceCid);
    w.writeUint64(pieceSize);
    w.writeBool(verifiedDeal);
    client.encode(w);
    provider.encode(w);
    w.writeText(label);
    w.writeInt64(startEpoch);
    w.writeInt64(endEpoch);
    storagePricePerEpoch.encode(w);
    providerCollateral.encode(w);
    clientCollateral.encode(w);
  }

  /** Decodes as cbor-gen does: the label is limited to cbor-gen's 8192 bytes. */
  public static DealProposal decode(CborReader r) throws CborException {
    r.readTupleHeader(11, "DealProposal");
    return new DealProposal(
        r.readCid(),
        r.readUint64(),
        r.readBool(),
        Address.decode(r),
        Address.decode(r),
        r.readText(CborReader.MAX_LENGTH),
        r.readInt64(),
        r.readInt64(),
        TokenAmount.decode(r),
        TokenAmount.decode(r),
        TokenAmount.decode(r));
  }
}
