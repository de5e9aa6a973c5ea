package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ports specs-actors miner_state_test.go's vesting tests (TestVesting_AddLockedFunds_Table...). */
class VestingFundsTest {
  private final IpldStore store = MinerFixtures.store();

  private MinerState state(long periodStart) {
    Cid vesting = store.put(VestingFunds.empty());
    Cid empty = MinerFixtures.emptyArray(store);
    return MinerState.construct(empty, periodStart, 0, empty, empty, empty, empty, vesting);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(new VestSpec(0, 1, 1, 1), 0L, new long[] {0, 0, 100, 0}),
        Arguments.of(new VestSpec(0, 2, 1, 1), 0L, new long[] {0, 0, 50, 50, 0}),
        Arguments.of(new VestSpec(0, 2, 1, 2), 0L, new long[] {0, 0, 0, 100, 0}),
        Arguments.of(new VestSpec(0, 3, 1, 1), 0L, new long[] {0, 0, 33, 33, 34, 0}),
        Arguments.of(new VestSpec(0, 3, 1, 2), 0L, new long[] {0, 0, 0, 66, 0, 34, 0}),
        Arguments.of(new VestSpec(0, 2, 2, 1), 0L, new long[] {0, 0, 0, 100, 0}),
        Arguments.of(new VestSpec(0, 5, 2, 1), 0L, new long[] {0, 0, 0, 40, 0, 40, 0, 20, 0}),
        Arguments.of(new VestSpec(1, 5, 2, 1), 0L, new long[] {0, 0, 0, 0, 40, 0, 40, 0, 20, 0}),
        Arguments.of(new VestSpec(0, 5, 2, 2), 0L, new long[] {0, 0, 0, 40, 0, 40, 0, 20, 0}),
        Arguments.of(new VestSpec(0, 5, 3, 1), 0L, new long[] {0, 0, 0, 0, 60, 0, 0, 40, 0}),
        Arguments.of(new VestSpec(0, 5, 3, 2), 0L, new long[] {0, 0, 0, 0, 0, 80, 0, 20, 0}),
        Arguments.of(new VestSpec(0, 5, 6, 1), 0L, new long[] {0, 0, 0, 0, 0, 0, 0, 100, 0}),
        Arguments.of(
            new VestSpec(5, 5, 1, 1), 0L, new long[] {0, 0, 0, 0, 0, 0, 0, 20, 20, 20, 20, 20, 0}),
        Arguments.of(
            new VestSpec(0, 10, 2, 2), 0L, new long[] {0, 0, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20}),
        Arguments.of(
            new VestSpec(0, 10, 2, 2), 1L, new long[] {0, 0, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20}),
        Arguments.of(
            new VestSpec(0, 10, 2, 2), 55L, new long[] {0, 0, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20}),
        Arguments.of(
            new VestSpec(0, 10, 1, 5), 0L, new long[] {0, 0, 0, 0, 0, 0, 50, 0, 0, 0, 0, 50}));
  }

  @ParameterizedTest
  @MethodSource("table")
  void vestsAsTheTableSays(VestSpec spec, long periodStart, long[] vestEpochs) {
    MinerState st = state(periodStart);
    long vestStart = periodStart + 10;
    st.addLockedFunds(store, vestStart, TokenAmount.ofAtto(100), spec);
    assertThat(st.lockedFunds()).isEqualTo(TokenAmount.ofAtto(100));
    long total = 0;
    for (int e = 0; e < vestEpochs.length; e++) {
      assertThat(st.unlockVestedFunds(store, vestStart + e))
          .as("epoch %d", e)
          .isEqualTo(TokenAmount.ofAtto(vestEpochs[e]));
      total += vestEpochs[e];
      assertThat(st.lockedFunds()).isEqualTo(TokenAmount.ofAtto(100 - total));
    }
    assertThat(total).isEqualTo(100);
    assertThat(st.loadVestingFunds(store).funds()).isEmpty();
  }

  @Test
  void vestsWhenQuantizeStepAndPeriodAreCoprime() {
    MinerState st = state(0);
    st.addLockedFunds(store, 10, TokenAmount.ofAtto(100), new VestSpec(0, 27, 5, 7));
    long total = 0;
    for (long e = 10; e <= 43; e++) {
      long vested = st.unlockVestedFunds(store, e).atto().longValueExact();
      long expected = e == 22 ? 40 : e == 29 ? 26 : e == 36 ? 26 : e == 43 ? 8 : 0;
      assertThat(vested).as("epoch %d", e).isEqualTo(expected);
      total += vested;
    }
    assertThat(total).isEqualTo(100);
    assertThat(st.lockedFunds()).isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void unlockUnvestedFundsLeavesBucketWithRemainder() {
    // TestVestingFunds_UnvestedFunds "leaving bucket with non-zero tokens"
    MinerState st = state(0);
    VestSpec spec = new VestSpec(0, 5, 1, 1);
    st.addLockedFunds(store, 100, TokenAmount.ofAtto(100), spec);
    TokenAmount unlocked = st.unlockUnvestedFunds(store, 100, TokenAmount.ofAtto(39));
    assertThat(unlocked).isEqualTo(TokenAmount.ofAtto(39));
    assertThat(st.lockedFunds()).isEqualTo(TokenAmount.ofAtto(61));
    // the rest vests in order: the first bucket (20) lost 20, the second 19
    assertThat(st.unlockVestedFunds(store, 102)).isEqualTo(TokenAmount.ZERO);
    assertThat(st.unlockVestedFunds(store, 103)).isEqualTo(TokenAmount.ofAtto(1));
  }

  @Test
  void unlockUnvestedFundsValueGreaterThanLockedFunds() {
    MinerState st = state(0);
    st.addLockedFunds(store, 100, TokenAmount.ofAtto(100), new VestSpec(0, 1, 1, 1));
    assertThat(st.unlockUnvestedFunds(store, 100, TokenAmount.ofAtto(200)))
        .isEqualTo(TokenAmount.ofAtto(100));
    assertThat(st.lockedFunds()).isEqualTo(TokenAmount.ZERO);
    assertThat(st.loadVestingFunds(store).funds()).isEmpty();
  }
}
