package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.node.daemon.DevnetSettings;
import io.filnode.node.daemon.NodeRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filnode devnet}'s flags: refused before anything is created or started. */
class DevnetCommandTest {
  @TempDir Path tmp;

  @Test
  void refusesNoMiners() {
    Path repo = tmp.resolve("repo");
    CliRun.run("", "devnet", "--repo", repo.toString(), "--miners", "0")
        .assertOneLineError("--miners must be at least 1");
    assertThat(repo).doesNotExist();
  }

  @Test
  void refusesAZeroBlockTime() {
    CliRun.run("", "devnet", "--repo", tmp.toString(), "--block-time", "0")
        .assertOneLineError("--block-time must be at least 1 second");
  }

  @Test
  void refusesABadApiAddress() {
    CliRun.run("", "devnet", "--repo", tmp.toString(), "--api", "nowhere")
        .assertOneLineError("--api");
  }

  @Test
  void refusesOtherSettingsForAnExistingDevnet() throws Exception {
    NodeRepo repo = NodeRepo.at(tmp);
    new DevnetSettings(
            "localnet-test",
            1_700_000_000L,
            4,
            "t1default",
            List.of(new DevnetSettings.Miner("t3worker", null)),
            null)
        .write(repo);
    CliRun.run("", "devnet", "--repo", tmp.toString(), "--miners", "2")
        .assertOneLineError("was created with 1");
    CliRun.run("", "devnet", "--repo", tmp.toString(), "--block-time", "1")
        .assertOneLineError("was created with 4");
    assertThat(Files.exists(repo.datastore())).isFalse();
  }

  @Test
  void daemonRefusesAGenesisForADevnet() {
    CliRun.run("", "daemon", "--network", "devnet", "--repo", tmp.toString(), "--genesis", "x.car")
        .assertOneLineError("a devnet builds its own genesis");
  }

  @Test
  void daemonDoesNotCreateADevnet() {
    CliRun.run(
            "", "daemon", "--network", "devnet", "--repo", tmp.toString(), "--api", "127.0.0.1:0")
        .assertOneLineError("no devnet in " + tmp);
    assertThat(tmp.resolve("datastore")).doesNotExist();
  }
}
