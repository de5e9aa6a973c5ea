package io.filnode.actors.builtin;

import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.runtime.SendResult;
import io.filnode.chain.address.Address;
import io.filnode.chain.types.TokenAmount;
import java.util.Optional;

/** Address helpers shared by built-in actors (specs-actors {@code builtin/shared.go}). */
public final class Addresses {
  private Addresses() {}

  /**
   * specs-actors' {@code ResolveToIDAddr}: the ID address of {@code address}; when it has none yet,
   * sends it zero FIL (which creates an account actor for a key address) and resolves again.
   *
   * @throws AddressResolutionException when the send fails or the address still does not resolve
   */
  public static Address resolveToIdAddr(Runtime rt, Address address)
      throws AddressResolutionException {
    Optional<Address> resolved = rt.resolveAddress(address);
    if (resolved.isPresent()) {
      return resolved.get();
    }
    SendResult sent = rt.send(address, Builtin.METHOD_SEND, null, TokenAmount.ZERO);
    if (!sent.isSuccess()) {
      throw new AddressResolutionException(
          "failed to send zero balance to address " + address, sent.exitCode());
    }
    return rt.resolveAddress(address)
        .orElseThrow(
            () ->
                new AddressResolutionException(
                    "failed to resolve address "
                        + address
                        + " to ID address even after sending zero balance"));
  }
}
