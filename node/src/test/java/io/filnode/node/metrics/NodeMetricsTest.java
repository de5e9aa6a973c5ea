package io.filnode.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodeMetricsTest {
  @Test
  void countsCallsAndErrorsPerMethodInPrometheusText() {
    try (NodeMetrics m = new NodeMetrics()) {
      m.onCall("Filecoin.ChainHead", 1_000_000, false);
      m.onCall("Filecoin.ChainHead", 3_000_000, false);
      m.onCall("Filecoin.StateGetActor", 2_000_000, true);
      m.gauge("filnode.mpool.size", "pending messages", new int[] {7}, a -> a[0]);
      String text = new String(m.route().get().body(), StandardCharsets.UTF_8);
      assertThat(text)
          .contains("filnode_rpc_calls_seconds_count{method=\"Filecoin.ChainHead\"} 2")
          .contains("filnode_rpc_errors_total{method=\"Filecoin.StateGetActor\"} 1.0")
          .doesNotContain("filnode_rpc_errors_total{method=\"Filecoin.ChainHead\"}")
          .contains("filnode_mpool_size 7.0")
          .contains("jvm_threads_live_threads");
    }
  }
}
