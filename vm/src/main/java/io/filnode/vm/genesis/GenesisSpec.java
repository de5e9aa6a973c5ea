package io.filnode.vm.genesis;

import java.util.List;

/**
 * What a genesis is built from: the network name (kept by the init actor), the block timestamp
 * (seconds), the network version it runs at (one executed by actors v2: 4 to 9), the funded
 * accounts (IDs f0100 on, in order) and the storage miners (IDs f01000 on, in order).
 */
public record GenesisSpec(
    String networkName,
    long timestamp,
    int networkVersion,
    List<GenesisAccount> accounts,
    List<GenesisMiner> miners) {
  public GenesisSpec {
    if (networkName == null) {
      throw new IllegalArgumentException("genesis spec needs a network name");
    }
    accounts = List.copyOf(accounts);
    miners = List.copyOf(miners);
  }
}
