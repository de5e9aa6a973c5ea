package io.filnode.net.kad;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.peers.PeerStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KadDhtTest {
  private static final String PROTOCOL = KadConfig.filecoinProtocol("test");

  @Test
  void routingTableOrdersByXorDistanceAndCapsBuckets() {
    PeerId self = Ed25519Keys.fromSeed(new byte[32]).publicKey().peerId();
    RoutingTable t = new RoutingTable(self, 2);
    List<PeerId> added = new ArrayList<>();
    SecureRandom r = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      PeerId p = Ed25519Keys.generate(r).publicKey().peerId();
      if (t.add(p)) {
        added.add(p);
      }
    }
    // bucket i holds peers sharing i leading bits: with k=2 about half the peers land in bucket 0
    assertThat(t.size()).isEqualTo(added.size()).isLessThan(200);
    byte[] target = RoutingTable.key(added.get(0).bytes());
    List<PeerId> closest = t.closest(target, 5);
    assertThat(closest.get(0)).isEqualTo(added.get(0));
    for (int i = 1; i < closest.size(); i++) {
      byte[] prev = RoutingTable.xor(RoutingTable.key(closest.get(i - 1).bytes()), target);
      byte[] cur = RoutingTable.xor(RoutingTable.key(closest.get(i).bytes()), target);
      assertThat(java.util.Arrays.compareUnsigned(prev, cur)).isNegative();
    }
    assertThat(t.add(self)).isFalse();
  }

  @Test
  void lookupWalksAChainToTheTarget() throws Exception {
    List<Host> hosts = new ArrayList<>();
    List<KadDht> dhts = new ArrayList<>();
    List<Multiaddr> addrs = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        Host h = new Host(HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())));
        addrs.add(h.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS));
        PeerStore s = new PeerStore();
        s.attach(h);
        hosts.add(h);
        dhts.add(
            new KadDht(
                h,
                s,
                KadConfig.defaults(PROTOCOL)
                    .withQueryTimeout(Duration.ofSeconds(5))
                    .withRandomWalkInterval(Duration.ZERO)));
      }
      // a chain: each knows only its successor
      for (int i = 0; i + 1 < hosts.size(); i++) {
        hosts
            .get(i)
            .dial(addrs.get(i + 1).withPeerId(hosts.get(i + 1).peerId()))
            .get(10, TimeUnit.SECONDS);
      }
      for (int i = 0; i + 1 < hosts.size(); i++) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!dhts.get(i).routingTable().contains(hosts.get(i + 1).peerId())) {
          assertThat(System.nanoTime()).isLessThan(end);
          Thread.sleep(10);
        }
      }
      PeerId last = hosts.get(5).peerId();
      assertThat(hosts.get(0).connections(last)).isEmpty();
      List<Multiaddr> found = dhts.get(0).findPeer(last).get(30, TimeUnit.SECONDS);
      assertThat(found).contains(addrs.get(5));
      assertThat(dhts.get(0).routingTable().size()).isGreaterThan(1); // learned along the way
      assertThat(dhts.get(0).bootstrap().get(30, TimeUnit.SECONDS)).isNotEmpty();
    } finally {
      dhts.forEach(KadDht::close);
      hosts.forEach(Host::close);
    }
  }
}
