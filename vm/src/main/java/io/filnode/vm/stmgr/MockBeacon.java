package io.filnode.vm.stmgr;

import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.types.BeaconEntry;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Lotus's mock beacon ({@code chain/beacon/mock.go}) for devnets: beacon rounds map 1:1 onto
 * epochs, and the entry of a round is the BLAKE2b-256 of the round as an 8-byte big-endian integer.
 * Anyone can recompute an entry, which is all verification checks.
 */
public final class MockBeacon implements BeaconSource {
  @Override
  public BeaconEntry entry(long round) {
    return entryFor(round);
  }

  /** The mock entry of {@code round}. */
  public static BeaconEntry entryFor(long round) {
    byte[] be = ByteBuffer.allocate(8).putLong(round).array();
    return new BeaconEntry(round, Blake2b.sum256(be));
  }

  /**
   * Checks {@code entry} alone, as Lotus's mock does: its data must be the mock entry of its round.
   * The previous entry plays no part.
   */
  @Override
  public boolean verify(BeaconEntry previous, BeaconEntry entry) {
    return Arrays.equals(entry.data(), entryFor(entry.round()).data());
  }

  /** One round per epoch: the round of epoch {@code e} is {@code e} (as a uint64). */
  @Override
  public long maxBeaconRoundForEpoch(long epoch) {
    return epoch;
  }
}
