package io.filnode.actors.builtin;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/**
 * builtin.ApplyRewardParams: what the reward actor sends to a miner's ApplyRewards, the block
 * reward (sent as value too) and the penalty to take from the miner, a tuple of 2.
 */
public record ApplyRewardParams(TokenAmount reward, TokenAmount penalty) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    reward.encode(w);
    penalty.encode(w);
  }

  public static ApplyRewardParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ApplyRewardParams");
    return new ApplyRewardParams(TokenAmount.decode(r), TokenAmount.decode(r));
  }
}
