package io.filnode.actors.chaos;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/**
 * What InspectRuntime returns: the tuple {@code [Caller, Receiver, ValueReceived, CurrEpoch,
 * CurrentBalance, State]}, the runtime's view of the call and the actor's state (as a value).
 */
public record InspectRuntimeReturn(
    Address caller,
    Address receiver,
    TokenAmount valueReceived,
    long currEpoch,
    TokenAmount currentBalance,
    String stateValue)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(6);
    caller.encode(w);
    receiver.encode(w);
    valueReceived.encode(w);
    w.writeInt64(currEpoch);
    currentBalance.encode(w);
    new ChaosState(stateValue).encode(w);
  }

  public static InspectRuntimeReturn decode(CborReader r) throws CborException {
    r.readTupleHeader(6, "chaos inspect runtime return");
    Address caller = Address.decode(r);
    Address receiver = Address.decode(r);
    TokenAmount value = TokenAmount.decode(r);
    long epoch = r.readInt64();
    TokenAmount balance = TokenAmount.decode(r);
    return new InspectRuntimeReturn(
        caller, receiver, value, epoch, balance, ChaosState.decode(r).value());
  }
}
