package io.filnode.actors.v2.market;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/** Parameters of WithdrawBalance: whose escrow, and how much to take out at most. */
public record WithdrawBalanceParams(Address providerOrClientAddress, TokenAmount amount)
    implements CborEncodable {

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    providerOrClientAddress.encode(w);
    amount.encode(w);
  }

  public static WithdrawBalanceParams decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "WithdrawBalanceParams");
    return new WithdrawBalanceParams(Address.decode(r), TokenAmount.decode(r));
  }
}
