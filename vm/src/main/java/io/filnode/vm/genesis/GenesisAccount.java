package io.filnode.vm.genesis;

import io.filnode.chain.address.Address;
import io.filnode.chain.types.TokenAmount;

/** A funded account at genesis: a key address (secp256k1 or BLS) and its balance. */
public record GenesisAccount(Address keyAddress, TokenAmount balance) {
  public GenesisAccount {
    if (keyAddress == null || balance == null) {
      throw new IllegalArgumentException("genesis account needs an address and a balance");
    }
  }
}
