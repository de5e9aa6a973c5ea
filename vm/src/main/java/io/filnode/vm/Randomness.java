package io.filnode.vm;

import io.filnode.actors.runtime.DomainSeparationTag;
import java.nio.charset.StandardCharsets;

/** Where the VM draws chain (ticket) and beacon randomness from, Lotus's {@code vm.Rand}. */
public interface Randomness {
  byte[] chainRandomness(DomainSeparationTag tag, long epoch, byte[] entropy);

  byte[] beaconRandomness(DomainSeparationTag tag, long epoch, byte[] entropy);

  /**
   * The conformance driver's fixed randomness ({@code rand_fixed.go}): the same 32 bytes for every
   * draw.
   */
  static Randomness fixed() {
    byte[] value = "i_am_random_____i_am_random_____".getBytes(StandardCharsets.US_ASCII);
    return new Randomness() {
      @Override
      public byte[] chainRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
        return value.clone();
      }

      @Override
      public byte[] beaconRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
        return value.clone();
      }
    };
  }
}
