package io.filnode.vm.stmgr;

import io.filnode.chain.types.BeaconEntry;

/**
 * Where beacon entries come from (Lotus's {@code beacon.RandomBeacon}): drand on public networks, a
 * local deterministic source on devnets ({@code MockBeacon}).
 */
public interface BeaconSource {
  /** The entry of {@code round}. */
  BeaconEntry entry(long round) throws BeaconException;

  /** Whether {@code entry} is valid after {@code previous}. */
  boolean verify(BeaconEntry previous, BeaconEntry entry);

  /** The newest beacon round a block at {@code epoch} must include. */
  long maxBeaconRoundForEpoch(long epoch);

  /** A beacon entry could not be fetched or is invalid. */
  final class BeaconException extends Exception {
    private static final long serialVersionUID = 1L;

    public BeaconException(String message) {
      super(message);
    }

    public BeaconException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
