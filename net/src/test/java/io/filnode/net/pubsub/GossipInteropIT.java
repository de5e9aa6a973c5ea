package io.filnode.net.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.net.host.Connection;
import io.filnode.net.host.ConnectionListener;
import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.host.JsPeer;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gossipsub against js-libp2p's gossipsub (StrictSign, Lotus message IDs): messages published on
 * both Filecoin-style topics by either side arrive at the other, signed, with yamux and mplex, in
 * both dial directions.
 */
class GossipInteropIT {
  private static final String BLOCKS = "/fil/blocks/interop";
  private static final String MSGS = "/fil/msgs/interop";
  private static final HexFormat HEX = HexFormat.of();

  @BeforeAll
  static void install() throws Exception {
    JsPeer.install();
  }

  @ParameterizedTest(name = "{0}, java dials: {1}")
  @CsvSource({"yamux, true", "yamux, false", "mplex, true", "mplex, false"})
  void gossipBothWays(String muxer, boolean javaDials) throws Exception {
    SecureRandom rnd = new SecureRandom();
    try (JsPeer js =
            new JsPeer(
                "gossip-" + muxer + "-" + javaDials,
                List.of(
                    "--muxer",
                    muxer,
                    "--no-dht",
                    "--gossip-protocols",
                    "/meshsub/1.1.0",
                    "--seconds",
                    "40"));
        Host host = new Host(HostConfig.defaults(Ed25519Keys.generate(rnd)));
        PubSub pubsub =
            new PubSub(
                host.config().key(),
                GossipConfig.defaults().withHeartbeat(Duration.ofMillis(200)),
                ScoreParams.defaults(),
                ScoreThresholds.lotus(),
                MessageIds.BLAKE2B_256_OF_DATA);
        HostPubSub binding = new HostPubSub(host, pubsub, p -> {})) {
      BlockingQueue<ReceivedMessage> got = new LinkedBlockingQueue<>();
      pubsub.subscribe(BLOCKS, got::add);
      pubsub.subscribe(MSGS, got::add);
      PeerId jsId = PeerId.fromString(js.peerId());
      if (javaDials) {
        Connection c = host.dial(Multiaddr.fromString(js.addr())).get(15, TimeUnit.SECONDS);
        assertThat(c.remotePeer()).isEqualTo(jsId);
      } else {
        Multiaddr addr =
            host.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        CompletableFuture<Connection> connected = new CompletableFuture<>();
        host.addListener(
            new ConnectionListener() {
              @Override
              public void connected(Connection c) {
                connected.complete(c);
              }
            });
        js.send("{\"dial\":\"" + addr.withPeerId(host.peerId()) + "\"}");
        assertThat(connected.get(15, TimeUnit.SECONDS).remotePeer()).isEqualTo(jsId);
      }
      String me = host.peerId().toString();
      for (String topic : List.of(BLOCKS, MSGS)) {
        js.await(
            e ->
                "graft".equals(e.path("event").asText())
                    && me.equals(e.path("peerId").asText())
                    && topic.equals(e.path("topic").asText()),
            15);
        awaitTopicPeer(pubsub, topic, jsId);
      }

      // Java publishes, js receives it signed
      for (String topic : List.of(BLOCKS, MSGS)) {
        byte[] data = new byte[48];
        rnd.nextBytes(data);
        PublishResult r = pubsub.publish(topic, data).get(10, TimeUnit.SECONDS);
        assertThat(r.result()).isEqualTo(ValidationResult.ACCEPT);
        assertThat(r.recipients()).isEqualTo(1);
        JsonNode g =
            js.await(
                e ->
                    "gossip".equals(e.path("event").asText())
                        && topic.equals(e.path("topic").asText()),
                15);
        assertThat(g.get("from").asText()).isEqualTo(me);
        assertThat(g.get("signed").asBoolean()).isTrue();
        assertThat(g.get("data").asText()).isEqualTo(HEX.formatHex(data));
      }

      // js publishes, Java receives and checks the StrictSign signature
      for (String topic : List.of(BLOCKS, MSGS)) {
        byte[] data = new byte[40];
        rnd.nextBytes(data);
        js.send(
            "{\"publish\":{\"topic\":\"" + topic + "\",\"hex\":\"" + HEX.formatHex(data) + "\"}}");
        ReceivedMessage m = poll(got, topic, jsId);
        assertThat(m.data()).isEqualTo(data);
        assertThat(m.from()).isEqualTo(jsId);
        assertThat(m.source()).isEqualTo(jsId);
        assertThat(m.message().signature()).hasSize(64);
        assertThat(GossipRouter.checkSignature(m.message())).isNull();
        assertThat(m.id()).isEqualTo(MessageIds.BLAKE2B_256_OF_DATA.apply(m.message()));
      }
      binding.close();
    }
  }

  /** The next message on {@code topic} from {@code from} (our own publishes are delivered too). */
  private static ReceivedMessage poll(BlockingQueue<ReceivedMessage> q, String topic, PeerId from)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < end) {
      ReceivedMessage m = q.poll(100, TimeUnit.MILLISECONDS);
      if (m != null && m.topic().equals(topic) && m.from().equals(from)) {
        return m;
      }
    }
    throw new AssertionError("no message on " + topic);
  }

  static void awaitTopicPeer(PubSub pubsub, String topic, PeerId peer) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!pubsub.query(r -> r.topicPeers(topic)).get(5, TimeUnit.SECONDS).contains(peer)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(peer + " never announced " + topic);
      }
      Thread.sleep(20);
    }
  }
}
