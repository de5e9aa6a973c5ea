package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/** The miner's WithdrawBalance parameters, a tuple. */
public record WithdrawBalanceParams(TokenAmount amountRequested) implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    amountRequested.encode(w);
  }

  public static WithdrawBalanceParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "WithdrawBalanceParams");
    return new WithdrawBalanceParams(TokenAmount.decode(r));
  }
}
