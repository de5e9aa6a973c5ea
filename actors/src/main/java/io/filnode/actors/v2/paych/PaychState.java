package io.filnode.actors.v2.paych;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;

/**
 * The payment channel's state: payer and payee (ID addresses of accounts), the amount redeemed so
 * far and paid to the payee on Collect, the settling epoch (0 while not settling), the lowest epoch
 * settlement may end at, and the lanes (an AMT of {@link LaneState}). Mutable: it is changed inside
 * a state transaction.
 */
public final class PaychState implements CborEncodable {
  private final Address from;
  private final Address to;
  private TokenAmount toSend;
  private long settlingAt;
  private long minSettleHeight;
  private Cid laneStates;

  public PaychState(
      Address from,
      Address to,
      TokenAmount toSend,
      long settlingAt,
      long minSettleHeight,
      Cid laneStates) {
    this.from = from;
    this.to = to;
    this.toSend = toSend;
    this.settlingAt = settlingAt;
    this.minSettleHeight = minSettleHeight;
    this.laneStates = laneStates;
  }

  public Address from() {
    return from;
  }

  public Address to() {
    return to;
  }

  public TokenAmount toSend() {
    return toSend;
  }

  public long settlingAt() {
    return settlingAt;
  }

  public long minSettleHeight() {
    return minSettleHeight;
  }

  public Cid laneStates() {
    return laneStates;
  }

  void setToSend(TokenAmount toSend) {
    this.toSend = toSend;
  }

  void setSettlingAt(long settlingAt) {
    this.settlingAt = settlingAt;
  }

  void setMinSettleHeight(long minSettleHeight) {
    this.minSettleHeight = minSettleHeight;
  }

  void setLaneStates(Cid laneStates) {
    this.laneStates = laneStates;
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(6);
    from.encode(w);
    to.encode(w);
    toSend.encode(w);
    w.writeInt64(settlingAt);
    w.writeInt64(minSettleHeight);
    w.writeCid(laneStates);
  }

  public static PaychState decode(CborReader r) throws CborException {
    r.readTupleHeader(6, "paych State");
    return new PaychState(
        Address.decode(r),
        Address.decode(r),
        TokenAmount.decode(r),
        r.readInt64(),
        r.readInt64(),
        r.readCid());
  }
}
