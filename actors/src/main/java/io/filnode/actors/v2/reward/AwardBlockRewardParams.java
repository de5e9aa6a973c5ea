package io.filnode.actors.v2.reward;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/**
 * reward.AwardBlockRewardParams (v0's type, aliased by v2): what the VM passes for each block, a
 * tuple of 4. The penalty and gas reward must be non-negative and the win count positive, which the
 * actor checks.
 */
public record AwardBlockRewardParams(
    Address miner, TokenAmount penalty, TokenAmount gasReward, long winCount)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(4);
    miner.encode(w);
    penalty.encode(w);
    gasReward.encode(w);
    w.writeInt64(winCount);
  }

  public static AwardBlockRewardParams decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "AwardBlockRewardParams");
    return new AwardBlockRewardParams(
        Address.decode(r), TokenAmount.decode(r), TokenAmount.decode(r), r.readInt64());
  }
}
