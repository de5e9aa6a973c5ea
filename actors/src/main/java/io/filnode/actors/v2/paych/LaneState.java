package io.filnode.actors.v2.paych;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/**
 * One lane of a channel: what its latest voucher redeemed and that voucher's nonce (a uint64), the
 * highest accepted on the lane so far.
 */
public record LaneState(TokenAmount redeemed, long nonce) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    redeemed.encode(w);
    w.writeUint64(nonce);
  }

  public static LaneState decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "LaneState");
    return new LaneState(TokenAmount.decode(r), r.readUint64());
  }
}
