package io.filnode.net.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.net.identity.Ed25519Keys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryNetworkTest {
  @Test
  void aLineOfFivePubSubsRelaysValidatedMessages() throws Exception {
    List<PubSub> nodes = new ArrayList<>();
    BlockingQueue<String> atEnd = new LinkedBlockingQueue<>();
    try {
      for (int i = 0; i < 5; i++) {
        nodes.add(
            new PubSub(
                Ed25519Keys.generate(new SecureRandom()),
                GossipConfig.defaults().withHeartbeat(Duration.ofMillis(50)),
                ScoreParams.defaults(),
                ScoreThresholds.lotus(),
                MessageIds.BLAKE2B_256_OF_DATA));
      }
      for (int i = 0; i < 5; i++) {
        PubSub p = nodes.get(i);
        p.registerValidator(
            "t",
            (src, m) -> m.data()[0] == 'x' ? ValidationResult.REJECT : ValidationResult.ACCEPT);
        p.subscribe(
            "t", i == 4 ? m -> atEnd.add(new String(m.data(), StandardCharsets.UTF_8)) : m -> {});
      }
      for (int i = 0; i + 1 < 5; i++) {
        InMemoryNetwork.link(nodes.get(i), nodes.get(i + 1));
      }
      PubSub last = nodes.get(4);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      for (int i = 0; i + 1 < 5; i++) {
        PubSub a = nodes.get(i);
        PubSub b = nodes.get(i + 1);
        while (!a.query(r -> r.mesh("t")).get().contains(b.peerId())) {
          assertThat(System.nanoTime()).as("mesh formed").isLessThan(end);
          Thread.sleep(10);
        }
      }
      assertThat(
              nodes
                  .get(0)
                  .publish("t", "x-invalid".getBytes(StandardCharsets.UTF_8))
                  .get()
                  .result())
          .isEqualTo(ValidationResult.REJECT);
      nodes.get(0).publish("t", "four hops".getBytes(StandardCharsets.UTF_8)).get();
      assertThat(atEnd.poll(10, TimeUnit.SECONDS)).isEqualTo("four hops");
      assertThat(last.query(r -> r.peers().size()).get()).isEqualTo(1);
      InMemoryNetwork.unlink(nodes.get(3), last);
      while (last.query(r -> r.peers().size()).get() != 0) {
        Thread.sleep(10);
      }
    } finally {
      nodes.forEach(PubSub::close);
    }
  }
}
