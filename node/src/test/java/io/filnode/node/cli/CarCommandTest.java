package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarCommandTest {
  private static final String GENESIS_ROOT =
      "bafy2bzacecnamqgqmifpluoeldx7zzglxcljo6oja4vrmtj7432rphldpdmm2";

  @TempDir Path dir;

  @Test
  void inspectGenesis() throws Exception {
    String genesis = SharedData.require("genesis/mainnet.car.zst").toString();
    CliRun text = CliRun.run("", "car", "inspect", genesis);
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains(GENESIS_ROOT).contains("blocks:      1222").contains("ok");

    CliRun json = CliRun.run("", "car", "inspect", genesis, "--json");
    assertThat(json.exit()).isZero();
    JsonNode o = new ObjectMapper().readTree(json.out());
    assertThat(o.get("roots").get(0).asText()).isEqualTo(GENESIS_ROOT);
    assertThat(o.get("blocks").asLong()).isEqualTo(1222);
    assertThat(o.get("hashCheck").asText()).isEqualTo("ok");
  }

  @Test
  void importThenListActorsFromTheRepo() throws Exception {
    Path repo = dir.resolve("repo");
    String genesis = SharedData.require("genesis/mainnet.car.zst").toString();
    CliRun imp = CliRun.run("", "car", "import", genesis, "--repo", repo.toString());
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("imported 1222 blocks (1222 new");
    // not a terminal here: plain log lines, one per pass at least
    assertThat(imp.err()).contains("verify").contains("write");
    assertThat(Files.isDirectory(repo.resolve("datastore"))).isTrue();

    CliRun actors = CliRun.run("", "state", "actors", "--repo", repo.toString(), "--json");
    assertThat(actors.exit()).as(actors.err()).isZero();
    assertThat(new ObjectMapper().readTree(actors.out())).hasSize(37);
  }

  @Test
  void aTruncatedCarIsOneLineExitOneAndNothingImported() throws Exception {
    byte[] genesis = Files.readAllBytes(SharedData.require("genesis/mainnet.car.zst"));
    Path cut = Files.write(dir.resolve("cut.car.zst"), Arrays.copyOf(genesis, genesis.length / 2));
    Path repo = dir.resolve("repo");

    CliRun inspect = CliRun.run("", "car", "inspect", cut.toString());
    assertThat(inspect.exit()).isEqualTo(1);
    assertThat(inspect.err().strip().lines()).hasSize(1);

    CliRun imp = CliRun.run("", "car", "import", cut.toString(), "--repo", repo.toString());
    assertThat(imp.exit()).isEqualTo(1);
    assertThat(imp.err().strip().lines().filter(l -> l.startsWith("filnode"))).hasSize(1);
    assertThat(imp.err()).doesNotContain("Exception").doesNotContain("\tat ");
    try (RocksBlockstore bs = RocksBlockstore.open(repo.resolve("datastore"), 1 << 20)) {
      assertThat(bs.countBlocks()).isZero();
    }

    CliRun missing = CliRun.run("", "car", "inspect", dir.resolve("nope.car").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");
  }
}
