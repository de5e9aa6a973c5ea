package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.types.BeaconEntry;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MockBeaconTest {
  private final MockBeacon beacon = new MockBeacon();

  @Test
  void entryIsBlake2bOfTheRoundAsEightBigEndianBytes() {
    // blake2b-256 of the 8-byte big-endian round, computed with Python's hashlib
    assertThat(HexFormat.of().formatHex(beacon.entry(0).data()))
        .isEqualTo("81e47a19e6b29b0a65b9591762ce5143ed30d0261e5d24a3201752506b20f15c");
    assertThat(HexFormat.of().formatHex(beacon.entry(1000).data()))
        .isEqualTo("3851ae49debc087ff742ec6b70d461d54997173be5d50ba4ee1cac0e260850ce");
    assertThat(beacon.entry(1000).round()).isEqualTo(1000);
  }

  @Test
  void entriesAreDeterministicAndDifferByRound() {
    assertThat(beacon.entry(7)).isEqualTo(new MockBeacon().entry(7));
    assertThat(beacon.entry(7)).isNotEqualTo(beacon.entry(8));
  }

  @Test
  void verifyRecomputesTheEntry() {
    BeaconEntry prev = beacon.entry(4);
    assertThat(beacon.verify(prev, beacon.entry(5))).isTrue();
    byte[] bad = beacon.entry(5).data();
    bad[0] ^= 1;
    assertThat(beacon.verify(prev, new BeaconEntry(5, bad))).isFalse();
    // the data of another round
    assertThat(beacon.verify(prev, new BeaconEntry(5, beacon.entry(6).data()))).isFalse();
  }

  @Test
  void oneRoundPerEpoch() {
    assertThat(beacon.maxBeaconRoundForEpoch(0)).isZero();
    assertThat(beacon.maxBeaconRoundForEpoch(123)).isEqualTo(123);
  }
}
