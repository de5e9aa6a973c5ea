package io.filnode.node.miner;

import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.vm.stmgr.BeaconSource;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Lotus's mock beacon (one round per epoch, data = BLAKE2b of the round), recording requests. */
final class FakeBeacon implements BeaconSource {
  final List<Long> requested = new ArrayList<>();

  static BeaconEntry entryFor(long round) {
    return new BeaconEntry(round, Blake2b.sum256(ByteBuffer.allocate(8).putLong(round).array()));
  }

  @Override
  public BeaconEntry entry(long round) {
    requested.add(round);
    return entryFor(round);
  }

  @Override
  public boolean verify(BeaconEntry previous, BeaconEntry entry) {
    return entry.equals(entryFor(entry.round()));
  }

  @Override
  public long maxBeaconRoundForEpoch(long epoch) {
    return epoch;
  }
}
