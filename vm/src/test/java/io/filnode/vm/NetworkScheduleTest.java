package io.filnode.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkScheduleTest {
  private final NetworkSchedule mainnet = NetworkSchedule.mainnet();

  @Test
  void anUpgradeTakesEffectAfterItsHeight() {
    assertThat(mainnet.versionAt(0)).isZero();
    assertThat(mainnet.versionAt(41_280)).isZero();
    assertThat(mainnet.versionAt(41_281)).isEqualTo(1);
    // actors v2 (nv4) from the epoch after Assembly, as the conformance vectors assume
    assertThat(mainnet.versionAt(138_720)).isEqualTo(3);
    assertThat(mainnet.versionAt(138_721)).isEqualTo(4);
    assertThat(mainnet.versionAt(272_400)).isEqualTo(7);
    assertThat(mainnet.versionAt(272_401)).isEqualTo(8);
    assertThat(mainnet.versionAt(550_322)).isEqualTo(10);
    assertThat(mainnet.versionAt(712_321)).isEqualTo(12);
    assertThat(mainnet.versionAt(Long.MAX_VALUE)).isEqualTo(13);
  }

  @Test
  void versionsNeverGoDown() {
    assertThatThrownBy(
            () ->
                new NetworkSchedule(
                    0,
                    List.of(
                        new NetworkSchedule.Upgrade("a", 10, 5),
                        new NetworkSchedule.Upgrade("b", 20, 4))))
        .hasMessageContaining("must not go down");
    assertThat(NetworkSchedule.fixed(12).versionAt(0)).isEqualTo(12);
  }
}
