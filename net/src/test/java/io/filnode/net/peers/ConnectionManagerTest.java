package io.filnode.net.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.host.Connection;
import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.host.Stream;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConnectionManagerTest {
  private static Host host() {
    return new Host(HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())));
  }

  private static void awaitPeers(Host h, Set<PeerId> expected) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!h.peers().equals(expected)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("peers " + h.peers() + ", expected " + expected);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void trimsLeastValuableUnprotectedOldestConnectionsToLowWater() throws Exception {
    AtomicLong clock = new AtomicLong(1_000_000);
    List<Host> d = new ArrayList<>();
    try (Host h = host();
        ConnectionManager cm =
            new ConnectionManager(
                h,
                new ConnectionManagerConfig(3, 4, Duration.ofSeconds(10), 8, 512, 1024),
                clock::get)) {
      Multiaddr addr =
          h.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
      for (int i = 0; i < 6; i++) {
        d.add(host());
      }
      cm.protect(d.get(0).peerId(), "sync");
      cm.tagPeer(d.get(1).peerId(), "valuable", 100);
      for (int i = 0; i < 4; i++) {
        d.get(i).dial(addr.withPeerId(h.peerId())).get(10, TimeUnit.SECONDS);
        awaitCount(cm, i + 1);
        clock.addAndGet(60_000); // out of the grace period
      }
      // the 5th connection crosses the high water mark (4): trim to 3, so two must go; the
      // protected peer and the young connection stay, the two worthless old ones go before the
      // valuable one
      d.get(4).dial(addr.withPeerId(h.peerId())).get(10, TimeUnit.SECONDS);
      awaitPeers(h, Set.of(d.get(0).peerId(), d.get(1).peerId(), d.get(4).peerId()));
      d.get(5).dial(addr.withPeerId(h.peerId())).get(10, TimeUnit.SECONDS);
      awaitCount(cm, 4); // at the high water mark, not above: nothing trimmed
      assertThat(cm.unprotect(d.get(0).peerId(), "sync")).isFalse();
      clock.addAndGet(60_000);
      assertThat(cm.trim()).isEqualTo(1); // now the oldest worthless one is 0
      awaitPeers(h, Set.of(d.get(1).peerId(), d.get(4).peerId(), d.get(5).peerId()));
    } finally {
      d.forEach(Host::close);
    }
  }

  private static void awaitCount(ConnectionManager cm, int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cm.connectionCount() != n) {
      if (System.nanoTime() > end) {
        throw new AssertionError("connection count " + cm.connectionCount() + " not " + n);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void limitsConnectionsAndStreamsPerPeer() throws Exception {
    try (Host h = host();
        Host d = host();
        ConnectionManager cm =
            new ConnectionManager(h, new ConnectionManagerConfig(10, 20, Duration.ZERO, 1, 2, 3))) {
      List<Stream> held = new ArrayList<>();
      h.setStreamHandler("/hold/1.0.0", s -> held.add(s));
      Multiaddr addr =
          h.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
      Connection c = d.dial(addr.withPeerId(h.peerId())).get(10, TimeUnit.SECONDS);
      c.newStream(List.of("/hold/1.0.0")).get(10, TimeUnit.SECONDS);
      c.newStream(List.of("/hold/1.0.0")).get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> c.newStream(List.of("/hold/1.0.0")).get(10, TimeUnit.SECONDS))
          .hasMessageContaining("reset");
      // closing a held stream frees a slot
      held.get(0).reset();
      Thread.sleep(100);
      c.newStream(List.of("/hold/1.0.0")).get(10, TimeUnit.SECONDS);
      // a second connection from the same peer is closed
      Connection c2 = d.dial(addr.withPeerId(h.peerId())).get(10, TimeUnit.SECONDS);
      c2.closeFuture().get(10, TimeUnit.SECONDS);
      assertThat(c.isOpen()).isTrue();
      assertThat(
              h.connections(d.peerId()).stream()
                  .filter(Connection::isOpen)
                  .collect(Collectors.toList()))
          .hasSize(1);
    }
  }
}
