package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.types.BeaconEntry;
import org.junit.jupiter.api.Test;

class BeaconEntriesTest {
  private final MockBeacon beacon = new MockBeacon();

  @Test
  void aBlockCarriesEveryRoundAfterThePreviousEntry() throws Exception {
    // parent at 7, two null rounds: the block at 10 carries rounds 8, 9 and 10
    assertThat(BeaconEntries.forBlock(beacon, 10, beacon.entry(7)))
        .containsExactly(beacon.entry(8), beacon.entry(9), beacon.entry(10));
    assertThat(BeaconEntries.forBlock(beacon, 8, beacon.entry(7))).containsExactly(beacon.entry(8));
  }

  @Test
  void noEntriesWhenThePreviousIsTheNewest() throws Exception {
    assertThat(BeaconEntries.forBlock(beacon, 7, beacon.entry(7))).isEmpty();
  }

  @Test
  void afterTheGenesisPlaceholderOnlyTheNewestRound() throws Exception {
    BeaconEntry genesisEntry = new BeaconEntry(0, new byte[32]);
    assertThat(BeaconEntries.forBlock(beacon, 5, genesisEntry)).containsExactly(beacon.entry(5));
    assertThat(BeaconEntries.forBlock(beacon, 1, genesisEntry)).containsExactly(beacon.entry(1));
  }
}
