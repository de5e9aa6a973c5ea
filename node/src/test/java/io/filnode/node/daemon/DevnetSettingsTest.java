package io.filnode.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetSettingsTest {
  @TempDir Path tmp;

  private final DevnetSettings planned =
      new DevnetSettings(
          "localnet-1",
          1_700_000_000L,
          1,
          "t1abc",
          List.of(new DevnetSettings.Miner("t3a", null), new DevnetSettings.Miner("t3b", null)),
          null);

  @Test
  void aRepoWithoutTheFileIsNoDevnet() throws Exception {
    assertThat(DevnetSettings.read(NodeRepo.at(tmp))).isEmpty();
  }

  @Test
  void roundTripsBeforeAndAfterTheGenesis() throws Exception {
    NodeRepo repo = NodeRepo.at(tmp);
    planned.write(repo);
    assertThat(DevnetSettings.read(repo)).contains(planned);
    assertThat(Files.readString(tmp.resolve(DevnetSettings.FILE))).doesNotContain("genesisCid");

    DevnetSettings done = planned.withGenesis("bafy-genesis", List.of("t01000", "t01001"));
    done.write(repo);
    assertThat(DevnetSettings.read(repo)).contains(done);
    assertThat(done.miners())
        .containsExactly(
            new DevnetSettings.Miner("t3a", "t01000"), new DevnetSettings.Miner("t3b", "t01001"));
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(DevnetSettings.FILE);
    }
  }

  @Test
  void refusesAGenesisWithAnotherNumberOfMiners() {
    assertThatThrownBy(() -> planned.withGenesis("bafy", List.of("t01000")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBrokenFileIsADaemonError() throws Exception {
    Files.writeString(tmp.resolve(DevnetSettings.FILE), "{not json");
    assertThatThrownBy(() -> DevnetSettings.read(NodeRepo.at(tmp)))
        .isInstanceOf(DaemonException.class)
        .hasMessageContaining("is not valid");
  }
}
