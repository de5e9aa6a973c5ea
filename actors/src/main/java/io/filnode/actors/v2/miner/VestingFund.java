package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/** An amount that vests at an epoch, a tuple. */
public record VestingFund(long epoch, TokenAmount amount) {
  void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeInt64(epoch);
    amount.encode(w);
  }

  static VestingFund decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "VestingFund");
    return new VestingFund(r.readInt64(), TokenAmount.decode(r));
  }
}
