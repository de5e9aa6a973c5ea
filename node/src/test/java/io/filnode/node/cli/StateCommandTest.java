package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.testing.SharedData;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateCommandTest {
  @TempDir Path dir;

  @Test
  void genesisActorsFromTheCar() throws Exception {
    String genesis = SharedData.require("genesis/mainnet.car.zst").toString();
    CliRun json = CliRun.run("", "state", "actors", "--car", genesis, "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode actors = new ObjectMapper().readTree(json.out());
    assertThat(actors).hasSize(37);
    BigInteger total = BigInteger.ZERO;
    int miners = 0;
    for (JsonNode a : actors) {
      total = total.add(new BigInteger(a.get("balance").asText()));
      if (a.get("kind").asText().startsWith("storageminer")) {
        miners++;
      }
    }
    assertThat(total).isEqualTo(new BigInteger("2000000000000000000000000000"));
    assertThat(miners).isEqualTo(3);

    CliRun text = CliRun.run("", "state", "actors", "--car", genesis);
    assertThat(text.exit()).isZero();
    assertThat(text.out().lines()).hasSize(38);
    assertThat(text.out()).contains("f00 ").contains("system (v0)");
  }

  @Test
  void badArgumentsAreOneLine() {
    String genesis = SharedData.require("genesis/mainnet.car.zst").toString();
    CliRun badRoot =
        CliRun.run("", "state", "actors", "--car", genesis, "--state-root", "not-a-cid");
    assertThat(badRoot.exit()).isEqualTo(1);
    assertThat(badRoot.err().strip().lines()).hasSize(1);
    assertThat(badRoot.err()).contains("--state-root");

    CliRun noRepo = CliRun.run("", "state", "actors", "--repo", dir.resolve("empty").toString());
    assertThat(noRepo.exit()).isEqualTo(1);
    assertThat(noRepo.err()).contains("no datastore at");
    assertThat(dir.resolve("empty")).doesNotExist();
  }
}
