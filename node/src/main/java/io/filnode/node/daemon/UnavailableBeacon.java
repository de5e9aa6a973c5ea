package io.filnode.node.daemon;

import io.filnode.chain.types.BeaconEntry;
import io.filnode.vm.stmgr.BeaconSource;

/**
 * The beacon of a network whose randomness beacon (drand) filnode does not fetch yet: every entry
 * is refused, so that nothing is computed from made-up randomness. The daemon never mines on such a
 * network, so a block's beacon round is never asked for.
 */
final class UnavailableBeacon implements BeaconSource {
  private final String network;

  UnavailableBeacon(String network) {
    this.network = network;
  }

  @Override
  public BeaconEntry entry(long round) throws BeaconException {
    throw new BeaconException("no drand beacon on " + network + " yet (round " + round + ")");
  }

  @Override
  public boolean verify(BeaconEntry previous, BeaconEntry entry) {
    return false;
  }

  @Override
  public long maxBeaconRoundForEpoch(long epoch) {
    throw new IllegalStateException("no drand beacon on " + network + ": nothing mines here");
  }
}
