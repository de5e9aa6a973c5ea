package io.filnode.bench;

import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.pubsub.GossipConfig;
import io.filnode.net.pubsub.HostPubSub;
import io.filnode.net.pubsub.MessageIds;
import io.filnode.net.pubsub.PubSub;
import io.filnode.net.pubsub.ScoreParams;
import io.filnode.net.pubsub.ScoreThresholds;
import io.filnode.net.pubsub.ValidationResult;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Gossipsub over loopback between three hosts in a chain A — B — C (Noise, yamux): A publishes
 * 1,000 signed 1 KiB messages; B checks each signature, runs the topic validator and forwards it; C
 * checks and validates it again. One op ends when C has all 1,000: messages per second through the
 * relay = 1,000,000 / (ms per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GossipBenchmark {
  static final String TOPIC = "/fil/msgs/bench";
  static final int MESSAGES = 1000;
  static final int SIZE = 1024;

  final List<Host> hosts = new ArrayList<>();
  final List<PubSub> pubsubs = new ArrayList<>();
  final AtomicLong receivedAtC = new AtomicLong();
  volatile CompletableFuture<Void> done;
  volatile long target;
  long counter;

  @Setup
  public void setup() throws Exception {
    SecureRandom r = new SecureRandom();
    List<Multiaddr> addrs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Host h = new Host(HostConfig.defaults(Ed25519Keys.generate(r)));
      addrs.add(h.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS));
      PubSub ps =
          new PubSub(
              h.config().key(),
              GossipConfig.defaults().withHeartbeat(Duration.ofMillis(200)),
              ScoreParams.defaults(),
              ScoreThresholds.lotus(),
              MessageIds.BLAKE2B_256_OF_DATA);
      // a validator that reads the message, as an application's cheapest check would
      ps.registerValidator(
          TOPIC,
          (src, m) -> m.data().length == SIZE ? ValidationResult.ACCEPT : ValidationResult.REJECT);
      new HostPubSub(h, ps, p -> {});
      hosts.add(h);
      pubsubs.add(ps);
    }
    pubsubs.get(0).subscribe(TOPIC, m -> {});
    pubsubs.get(1).subscribe(TOPIC, m -> {});
    pubsubs
        .get(2)
        .subscribe(
            TOPIC,
            m -> {
              if (receivedAtC.incrementAndGet() == target) {
                done.complete(null);
              }
            });
    hosts.get(0).dial(addrs.get(1).withPeerId(hosts.get(1).peerId())).get(10, TimeUnit.SECONDS);
    hosts.get(1).dial(addrs.get(2).withPeerId(hosts.get(2).peerId())).get(10, TimeUnit.SECONDS);
    PeerId c = hosts.get(2).peerId();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!pubsubs.get(1).query(x -> x.mesh(TOPIC)).get().contains(c)
        || pubsubs.get(0).query(x -> x.topicPeers(TOPIC)).get().isEmpty()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the mesh did not form");
      }
      Thread.sleep(20);
    }
  }

  @Benchmark
  public long relayThousandMessages() throws Exception {
    done = new CompletableFuture<>();
    target = receivedAtC.get() + MESSAGES;
    for (int i = 0; i < MESSAGES; i++) {
      byte[] data = new byte[SIZE];
      ByteBuffer.wrap(data).putLong(++counter); // distinct data: distinct blake2b message IDs
      pubsubs.get(0).publish(TOPIC, data);
    }
    done.get(120, TimeUnit.SECONDS);
    return receivedAtC.get();
  }

  @TearDown
  public void tearDown() {
    pubsubs.forEach(PubSub::close);
    hosts.forEach(Host::close);
  }
}
