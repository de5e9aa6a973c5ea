package io.filnode.net.peers;

import io.filnode.net.host.Connection;
import io.filnode.net.host.ConnectionListener;
import io.filnode.net.host.Host;
import io.filnode.net.host.Stream;
import io.filnode.net.identity.PeerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Keeps the number of connections between water marks: above {@code highWater} it closes the least
 * valuable connections down to {@code lowWater}, never protected peers and never connections
 * younger than the grace period. Least valuable: lowest tag value sum, then oldest. It also caps
 * connections per peer and inbound streams per connection and per peer (through the host's stream
 * gate). Thread-safe.
 */
public final class ConnectionManager implements AutoCloseable {
  private final Host host;
  private final ConnectionManagerConfig config;
  private final LongSupplier clock;
  private final Map<Connection, Long> opened = new ConcurrentHashMap<>();
  private final Map<Connection, AtomicInteger> connStreams = new ConcurrentHashMap<>();
  private final Map<PeerId, AtomicInteger> peerStreams = new ConcurrentHashMap<>();
  private final Map<PeerId, Set<String>> protections = new ConcurrentHashMap<>();
  private final Map<PeerId, Map<String, Integer>> tags = new ConcurrentHashMap<>();
  private final ConnectionListener listener;

  /**
   * @param clock milliseconds, for connection ages
   */
  public ConnectionManager(Host host, ConnectionManagerConfig config, LongSupplier clock) {
    this.host = host;
    this.config = config;
    this.clock = clock;
    this.listener =
        new ConnectionListener() {
          @Override
          public void connected(Connection c) {
            ConnectionManager.this.connected(c);
          }

          @Override
          public void disconnected(Connection c) {
            opened.remove(c);
            connStreams.remove(c);
          }
        };
    host.addListener(listener);
    host.setStreamGate(this::admit);
    host.connections().forEach(this::connected);
  }

  public ConnectionManager(Host host, ConnectionManagerConfig config) {
    this(host, config, () -> System.nanoTime() / 1_000_000);
  }

  private void connected(Connection c) {
    opened.put(c, clock.getAsLong());
    List<Connection> toPeer = host.connections(c.remotePeer());
    if (toPeer.size() > config.maxConnsPerPeer()) {
      c.close(); // one connection too many to this peer: the newest goes
      return;
    }
    if (opened.size() > config.highWater()) {
      trim();
    }
  }

  private boolean admit(Connection c, Stream s) {
    AtomicInteger perConn = connStreams.computeIfAbsent(c, k -> new AtomicInteger());
    AtomicInteger perPeer = peerStreams.computeIfAbsent(c.remotePeer(), k -> new AtomicInteger());
    int onConn = perConn.incrementAndGet();
    int onPeer = perPeer.incrementAndGet();
    if (onConn > config.maxStreamsPerConnection() || onPeer > config.maxStreamsPerPeer()) {
      perConn.decrementAndGet();
      perPeer.decrementAndGet();
      return false;
    }
    s.closeFuture()
        .whenComplete(
            (v, e) -> {
              perConn.decrementAndGet();
              perPeer.decrementAndGet();
            });
    return true;
  }

  /** Protects {@code peer}'s connections from trimming under {@code tag} (e.g. "dht", "sync"). */
  public void protect(PeerId peer, String tag) {
    protections.computeIfAbsent(peer, k -> ConcurrentHashMap.newKeySet()).add(tag);
  }

  /** Removes one protection; true when the peer is still protected by another tag. */
  public boolean unprotect(PeerId peer, String tag) {
    Set<String> s = protections.get(peer);
    if (s == null) {
      return false;
    }
    s.remove(tag);
    if (s.isEmpty()) {
      protections.remove(peer, s);
      return false;
    }
    return true;
  }

  public boolean isProtected(PeerId peer) {
    Set<String> s = protections.get(peer);
    return s != null && !s.isEmpty();
  }

  /** Sets a value for {@code peer} under {@code tag}; higher total value means trimmed later. */
  public void tagPeer(PeerId peer, String tag, int value) {
    tags.computeIfAbsent(peer, k -> new ConcurrentHashMap<>()).put(tag, value);
  }

  public void untagPeer(PeerId peer, String tag) {
    Map<String, Integer> t = tags.get(peer);
    if (t != null) {
      t.remove(tag);
    }
  }

  private int value(PeerId p) {
    Map<String, Integer> t = tags.get(p);
    return t == null ? 0 : t.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Closes least valuable connections until at most {@code lowWater} remain; returns how many. */
  public synchronized int trim() {
    long now = clock.getAsLong();
    List<Connection> open = new ArrayList<>(opened.keySet());
    int excess = open.size() - config.lowWater();
    if (excess <= 0) {
      return 0;
    }
    List<Connection> candidates = new ArrayList<>();
    for (Connection c : open) {
      Long t = opened.get(c);
      if (t != null && now - t >= config.gracePeriod().toMillis() && !isProtected(c.remotePeer())) {
        candidates.add(c);
      }
    }
    candidates.sort(
        Comparator.comparingInt((Connection c) -> value(c.remotePeer()))
            .thenComparingLong(c -> opened.getOrDefault(c, now)));
    Set<Connection> closed = new HashSet<>();
    for (Connection c : candidates) {
      if (closed.size() >= excess) {
        break;
      }
      opened.remove(c);
      c.close();
      closed.add(c);
    }
    return closed.size();
  }

  /** Connections the manager counts. */
  public int connectionCount() {
    return opened.size();
  }

  @Override
  public void close() {
    host.removeListener(listener);
    host.setStreamGate((c, s) -> true);
  }
}
