package io.filnode.actors.v2.multisig;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/** Parameters of LockBalance: a linear vesting schedule for {@code amount}. */
public record LockBalanceParams(long startEpoch, long unlockDuration, TokenAmount amount)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeInt64(startEpoch);
    w.writeInt64(unlockDuration);
    amount.encode(w);
  }

  public static LockBalanceParams decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "LockBalanceParams");
    return new LockBalanceParams(r.readInt64(), r.readInt64(), TokenAmount.decode(r));
  }
}
