package io.filnode.vm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running the same vectors twice in one JVM gives the same state roots and the same problems. */
class ConformanceDeterminismTest {
  /** Vectors that compute a state root with plain transfers, whatever actors exist. */
  static final List<String> VECTORS =
      List.of(
          "vectors/conformance/transfer/basic--ok--actorsv2.json",
          "vectors/conformance/transfer/basic--fail-exceed-balance--actorsv2.json",
          "vectors/conformance/msg_application/unknown_actors--msg-apply-fail-unknown-sender--actorsv2.json");

  @Test
  void sameVectorTwiceGivesTheSameRoots() {
    for (String name : VECTORS) {
      Path file = SharedData.require(name);
      ConformanceRunner runner = new ConformanceRunner(ConformanceRunner.chaosActor(), null);
      List<RunResult> first = runner.run(file);
      List<RunResult> second =
          new ConformanceRunner(ConformanceRunner.chaosActor(), null).run(file);
      assertThat(second).isEqualTo(first);
      assertThat(first).allSatisfy(r -> assertThat(r.stateRoot()).isNotNull());
    }
  }
}
