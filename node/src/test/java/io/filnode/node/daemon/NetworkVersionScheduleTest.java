package io.filnode.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkVersionScheduleTest {
  private final NetworkVersionSchedule s =
      new NetworkVersionSchedule(
          0,
          List.of(
              new NetworkVersionSchedule.Upgrade("a", 10, 1),
              new NetworkVersionSchedule.Upgrade("same", 20, 1),
              new NetworkVersionSchedule.Upgrade("b", 30, 2)));

  @Test
  void anUpgradeHeightStillHasThePreviousVersion() {
    assertThat(s.versionAt(0)).isZero();
    assertThat(s.versionAt(10)).isZero();
    assertThat(s.versionAt(11)).isEqualTo(1);
    assertThat(s.versionAt(30)).isEqualTo(1);
    assertThat(s.versionAt(31)).isEqualTo(2);
    assertThat(s.versionAt(Long.MAX_VALUE)).isEqualTo(2);
  }

  @Test
  void mainnetEndsAtHyperdrive() {
    NetworkVersionSchedule m = NetworkParams.MAINNET.versions();
    assertThat(m.versionAt(0)).isZero();
    assertThat(m.versionAt(41_281)).isEqualTo(1);
    assertThat(m.versionAt(892_800)).isEqualTo(12);
    assertThat(m.versionAt(892_801)).isEqualTo(13);
  }

  @Test
  void heightsMustIncrease() {
    assertThatThrownBy(
            () ->
                new NetworkVersionSchedule(
                    0,
                    List.of(
                        new NetworkVersionSchedule.Upgrade("a", 10, 1),
                        new NetworkVersionSchedule.Upgrade("b", 10, 2))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
