package io.filnode.net.kad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.host.JsPeer;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.peers.PeerStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FIND_NODE against js-libp2p's kad-dht on {@code /fil/kad/interop/kad/1.0.0}, both ways: js finds
 * a peer only our DHT server knows, and our client's FIND_NODE to js returns the closer peers js
 * knows.
 */
class KadInteropIT {
  private static final String PROTOCOL = KadConfig.filecoinProtocol("interop");

  @BeforeAll
  static void install() throws Exception {
    JsPeer.install();
  }

  private record Node(Host host, PeerStore store, KadDht dht, Multiaddr addr)
      implements AutoCloseable {
    static Node start() throws Exception {
      Host h = new Host(HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())));
      Multiaddr a = h.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
      PeerStore s = new PeerStore();
      s.attach(h);
      KadDht d =
          new KadDht(
              h,
              s,
              KadConfig.defaults(PROTOCOL)
                  .withQueryTimeout(Duration.ofSeconds(5))
                  .withRandomWalkInterval(Duration.ZERO));
      return new Node(h, s, d, a);
    }

    @Override
    public void close() {
      dht.close();
      host.close();
    }
  }

  @Test
  void findNodeBothWays() throws Exception {
    try (JsPeer js = new JsPeer("kad", List.of("--muxer", "yamux", "--seconds", "40"));
        Node a = Node.start();
        Node b = Node.start();
        Node c = Node.start()) {
      PeerId jsId = PeerId.fromString(js.peerId());
      // b is known to a only
      b.host.dial(a.addr.withPeerId(a.host.peerId())).get(10, TimeUnit.SECONDS);
      awaitInTable(a.dht, b.host.peerId());
      a.host.dial(Multiaddr.fromString(js.addr())).get(10, TimeUnit.SECONDS);
      js.await(
          e ->
              "dht-peer".equals(e.path("event").asText())
                  && a.host.peerId().toString().equals(e.path("peerId").asText()),
          15);
      awaitInTable(a.dht, jsId);

      // js asks our DHT server where b is
      js.send("{\"findPeer\":\"" + b.host.peerId() + "\"}");
      JsonNode found =
          js.await(
              e ->
                  "dht-find-peer".equals(e.path("event").asText())
                      || "error".equals(e.path("event").asText()),
              20);
      assertThat(found.path("event").asText()).as(found.toString()).isEqualTo("dht-find-peer");
      assertThat(found.get("peerId").asText()).isEqualTo(b.host.peerId().toString());
      List<String> addrs = new ArrayList<>();
      found.get("addrs").forEach(n -> addrs.add(n.asText()));
      assertThat(addrs).anyMatch(s -> s.startsWith(b.addr.toString()));

      // c joins js's routing table; our client asks js for peers close to c
      c.host.dial(Multiaddr.fromString(js.addr())).get(10, TimeUnit.SECONDS);
      js.await(
          e ->
              "dht-peer".equals(e.path("event").asText())
                  && c.host.peerId().toString().equals(e.path("peerId").asText()),
          15);
      List<DhtPeer> closer =
          a.dht.findNode(jsId, c.host.peerId().bytes()).get(10, TimeUnit.SECONDS);
      assertThat(closer).extracting(DhtPeer::id).contains(c.host.peerId());
      DhtPeer cp = closer.stream().filter(p -> p.id().equals(c.host.peerId())).findFirst().get();
      assertThat(cp.addrs()).contains(c.addr);
      // and an iterative lookup through js reaches c's neighbourhood
      assertThat(a.dht.lookup(c.host.peerId().bytes()).get(20, TimeUnit.SECONDS)).contains(jsId);
    }
  }

  private static void awaitInTable(KadDht dht, PeerId p) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!dht.routingTable().contains(p)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(p + " never joined the routing table");
      }
      Thread.sleep(20);
    }
  }
}
