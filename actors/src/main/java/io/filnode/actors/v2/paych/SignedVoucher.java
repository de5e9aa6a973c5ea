package io.filnode.actors.v2.paych;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A voucher the payer signs off-chain so that the payee can redeem {@code amount} on {@code lane}.
 * {@code timeLockMax} 0 means no expiry; {@code secretPreimage} (empty for none) is the BLAKE2b-256
 * the redeemer's secret must hash to; {@code extra} and {@code signature} may be null. {@code lane}
 * and {@code nonce} are uint64.
 */
public record SignedVoucher(
    Address channelAddr,
    long timeLockMin,
    long timeLockMax,
    byte[] secretPreimage,
    ModVerifyParams extra,
    long lane,
    long nonce,
    TokenAmount amount,
    long minSettleHeight,
    List<Merge> merges,
    Signature signature)
    implements CborEncodable {
  public SignedVoucher {
    secretPreimage = secretPreimage.clone();
    merges = List.copyOf(merges);
  }

  @Override
  public byte[] secretPreimage() {
    return secretPreimage.clone();
  }

  /** The bytes the payer signs: this voucher encoded with a null signature. */
  public byte[] signingBytes() {
    CborWriter w = new CborWriter();
    encode(w, null);
    return w.toByteArray();
  }

  /** This voucher with {@code sig} as its signature. */
  public SignedVoucher withSignature(Signature sig) {
    return new SignedVoucher(
        channelAddr,
        timeLockMin,
        timeLockMax,
        secretPreimage,
        extra,
        lane,
        nonce,
        amount,
        minSettleHeight,
        merges,
        sig);
  }

  @Override
  public void encode(CborWriter w) {
    encode(w, signature);
  }

  private void encode(CborWriter w, Signature sig) {
    w.writeArrayHeader(11);
    channelAddr.encode(w);
    w.writeInt64(timeLockMin);
    w.writeInt64(timeLockMax);
    w.writeBytes(secretPreimage);
    if (extra == null) {
      w.writeNull();
    } else {
      extra.encode(w);
    }
    w.writeUint64(lane);
    w.writeUint64(nonce);
    amount.encode(w);
    w.writeInt64(minSettleHeight);
    w.writeArrayHeader(merges.size());
    for (Merge m : merges) {
      m.encode(w);
    }
    if (sig == null) {
      w.writeNull();
    } else {
      sig.encode(w);
    }
  }

  public static SignedVoucher decode(CborReader r) throws CborException {
    r.readTupleHeader(11, "SignedVoucher");
    Address channelAddr = Address.decode(r);
    long timeLockMin = r.readInt64();
    long timeLockMax = r.readInt64();
    byte[] secretPreimage = r.readBytes();
    ModVerifyParams extra = null;
    if (r.peekNull()) {
      r.readNull();
    } else {
      extra = ModVerifyParams.decode(r);
    }
    long lane = r.readUint64();
    long nonce = r.readUint64();
    TokenAmount amount = TokenAmount.decode(r);
    long minSettleHeight = r.readInt64();
    int n = r.readArrayHeader();
    List<Merge> merges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      merges.add(Merge.decode(r));
    }
    Signature signature = null;
    if (r.peekNull()) {
      r.readNull();
    } else {
      signature = Signature.decode(r);
    }
    return new SignedVoucher(
        channelAddr,
        timeLockMin,
        timeLockMax,
        secretPreimage,
        extra,
        lane,
        nonce,
        amount,
        minSettleHeight,
        merges,
        signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedVoucher v && Arrays.equals(toCbor(), v.toCbor());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toCbor());
  }

  @Override
  public String toString() {
    return "SignedVoucher[channel "
        + channelAddr
        + ", lane "
        + Long.toUnsignedString(lane)
        + ", nonce "
        + Long.toUnsignedString(nonce)
        + ", amount "
        + amount.toAttoString()
        + "]";
  }
}
