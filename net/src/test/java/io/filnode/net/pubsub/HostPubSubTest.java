package io.filnode.net.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.net.host.Connection;
import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.host.Stream;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.wire.Varint;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Gossipsub between Java hosts on loopback, including a peer that sends bad RPCs. */
class HostPubSubTest {
  private static final String TOPIC = "/fil/msgs/test";

  private record Node(Host host, PubSub pubsub, HostPubSub binding, Multiaddr addr)
      implements AutoCloseable {
    static Node start() throws Exception {
      Host h = new Host(HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())));
      Multiaddr a = h.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
      PubSub ps =
          new PubSub(
              h.config().key(),
              GossipConfig.defaults().withHeartbeat(Duration.ofMillis(100)),
              ScoreParams.defaults(),
              ScoreThresholds.lotus(),
              MessageIds.BLAKE2B_256_OF_DATA);
      return new Node(h, ps, new HostPubSub(h, ps, p -> {}), a);
    }

    Connection dial(Node other) throws Exception {
      return host.dial(other.addr.withPeerId(other.host.peerId())).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      binding.close();
      pubsub.close();
      host.close();
    }
  }

  private static String text(ReceivedMessage m) {
    return new String(m.data(), StandardCharsets.UTF_8);
  }

  private static String next(BlockingQueue<ReceivedMessage> q) throws InterruptedException {
    ReceivedMessage m = q.poll(10, TimeUnit.SECONDS);
    assertThat(m).as("a message within 10 s").isNotNull();
    return text(m);
  }

  @Test
  void messagesCrossAChainOfThreeHosts() throws Exception {
    try (Node a = Node.start();
        Node b = Node.start();
        Node c = Node.start()) {
      BlockingQueue<ReceivedMessage> atC = new LinkedBlockingQueue<>();
      a.pubsub.subscribe(TOPIC, m -> {});
      b.pubsub.subscribe(TOPIC, m -> {});
      c.pubsub.subscribe(TOPIC, atC::add);
      a.dial(b);
      b.dial(c);
      GossipInteropIT.awaitTopicPeer(a.pubsub, TOPIC, b.host.peerId());
      GossipInteropIT.awaitTopicPeer(b.pubsub, TOPIC, c.host.peerId());
      awaitMesh(b.pubsub, c.host.peerId());
      a.pubsub.publish(TOPIC, "over two hops".getBytes(StandardCharsets.UTF_8)).get();
      assertThat(next(atC)).isEqualTo("over two hops");
    }
  }

  @Test
  void oversizedAndUnsignedRpcsArePenalizedAndTheConnectionKeepsWorking() throws Exception {
    try (Node victim = Node.start();
        Node bad = Node.start()) {
      BlockingQueue<ReceivedMessage> got = new LinkedBlockingQueue<>();
      victim.pubsub.subscribe(TOPIC, got::add);
      bad.pubsub.subscribe(TOPIC, m -> {});
      Connection c = bad.dial(victim);
      GossipInteropIT.awaitTopicPeer(victim.pubsub, TOPIC, bad.host.peerId());
      GossipInteropIT.awaitTopicPeer(bad.pubsub, TOPIC, victim.host.peerId());

      // eight RPCs over 1 MiB, each on a stream of its own (the victim resets each one)
      for (int i = 0; i < 8; i++) {
        Stream s = c.newStream(List.of(GossipRouter.MESHSUB_1_1)).get(10, TimeUnit.SECONDS);
        int len = GossipConfig.ONE_MIB + 1;
        s.write(Varint.encode(len));
        s.write(Unpooled.wrappedBuffer(new byte[len]));
        s.closeFuture().get(10, TimeUnit.SECONDS); // reset by the victim
      }
      double afterOversize =
          victim.pubsub.query(r -> r.score(bad.host.peerId())).get(5, TimeUnit.SECONDS);
      assertThat(afterOversize).isNegative(); // P7 beyond its threshold of 6

      // a message with a forged signature, on one more raw stream
      Stream raw = c.newStream(List.of(GossipRouter.MESHSUB_1_1)).get(10, TimeUnit.SECONDS);
      byte[] seq = new byte[8];
      Message forged =
          new Message(
              bad.host.peerId().bytes(),
              "forged".getBytes(StandardCharsets.UTF_8),
              seq,
              TOPIC,
              new byte[64],
              null);
      raw.writeMessage(Rpc.ofMessages(List.of(forged)).encode()).get(5, TimeUnit.SECONDS);

      // the connection still works: ping, and a valid message from the same peer arrives
      assertThat(bad.host.ping(c).get(10, TimeUnit.SECONDS)).isPositive();
      assertThat(c.isOpen()).isTrue();
      bad.pubsub.publish(TOPIC, "valid".getBytes(StandardCharsets.UTF_8)).get();
      assertThat(next(got)).isEqualTo("valid"); // the forged one was never delivered
      double afterForged =
          victim.pubsub.query(r -> r.score(bad.host.peerId())).get(5, TimeUnit.SECONDS);
      assertThat(afterForged).isLessThan(afterOversize); // P4 for the bad signature
      assertThat(got).isEmpty();
    }
  }

  private static void awaitMesh(PubSub ps, io.filnode.net.identity.PeerId p) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!ps.query(r -> r.mesh(TOPIC)).get(5, TimeUnit.SECONDS).contains(p)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(p + " never joined the mesh");
      }
      Thread.sleep(20);
    }
  }
}
