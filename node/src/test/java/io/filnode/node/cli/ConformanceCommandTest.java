package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {
  @TempDir Path dir;

  @Test
  void passingVectorExitsZeroWithSummaryAndJson() throws Exception {
    String vector =
        SharedData.require("vectors/conformance/transfer/basic--ok--actorsv2.json").toString();
    Path json = dir.resolve("out.json");
    CliRun run = CliRun.run("", "conformance", vector, "--json", json.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("3 passed, 0 failed, 0 skipped");
    JsonNode results = new ObjectMapper().readTree(json.toFile());
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("status").asText()).isEqualTo("passed");
  }

  @Test
  void unparsableVectorIsAFailure() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"class\": \"message\"");
    CliRun run = CliRun.run("", "conformance", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("bad.json").endsWith("0 passed, 1 failed, 0 skipped\n");
  }

  @Test
  void missingPathIsOneLineError() {
    CliRun.run("", "conformance", dir.resolve("nope.json").toString())
        .assertOneLineError("no such file");
  }
}
