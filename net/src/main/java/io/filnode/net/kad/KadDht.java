package io.filnode.net.kad;

import io.filnode.net.host.Connection;
import io.filnode.net.host.ConnectionListener;
import io.filnode.net.host.Host;
import io.filnode.net.host.Stream;
import io.filnode.net.host.StreamException;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.peers.PeerStore;
import io.filnode.net.wire.DecodeException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Kademlia DHT for peer discovery: serves FIND_NODE (and PING) on the configured protocol, asks
 * FIND_NODE of others, keeps a k-bucket routing table of peers that speak the protocol (learned
 * from identify and from answers), and finds peers by iterative lookup (alpha parallel queries,
 * each with a timeout). {@link #bootstrap} looks up our own ID; a random walk looks up random IDs
 * periodically. Values and provider records are not supported.
 */
public final class KadDht implements AutoCloseable {
  private final Host host;
  private final PeerStore peerStore;
  private final KadConfig config;
  private final RoutingTable table;
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService timer;
  private final ConnectionListener listener;

  public KadDht(Host host, PeerStore peerStore, KadConfig config) {
    this.host = host;
    this.peerStore = peerStore;
    this.config = config;
    this.table = new RoutingTable(host.peerId(), config.k());
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kad-" + host.peerId());
              t.setDaemon(true);
              return t;
            });
    if (config.serverMode()) {
      host.setStreamHandler(config.protocolId(), this::serve);
    }
    this.listener =
        new ConnectionListener() {
          @Override
          public void connected(Connection c) {
            watch(c);
          }
        };
    host.addListener(listener);
    host.connections().forEach(this::watch);
    long walk = config.randomWalkInterval().toMillis();
    if (walk > 0) {
      timer.scheduleWithFixedDelay(this::randomWalk, walk, walk, TimeUnit.MILLISECONDS);
    }
  }

  public RoutingTable routingTable() {
    return table;
  }

  public KadConfig config() {
    return config;
  }

  /** Peers that identify as speaking our DHT protocol (in server mode) join the table. */
  private void watch(Connection c) {
    c.identified()
        .thenAccept(
            info -> {
              peerStore.identified(c.remotePeer(), info);
              if (info.protocols().contains(config.protocolId())) {
                table.add(c.remotePeer());
              }
            });
  }

  // ---- server ----

  private void serve(Stream s) {
    s.readMessage(DhtMessage.MAX_BYTES)
        .whenComplete(
            (bytes, err) -> {
              if (err != null || bytes == null) {
                s.close();
                return;
              }
              DhtMessage req;
              try {
                req = DhtMessage.decode(bytes);
              } catch (DecodeException e) {
                s.reset();
                return;
              }
              DhtMessage resp = answer(s.remotePeer(), req);
              if (resp == null) {
                s.reset();
                return;
              }
              s.writeMessage(resp.encode()).thenRun(() -> serve(s));
            });
  }

  /** The answer to a request, or null for requests we do not serve. */
  DhtMessage answer(PeerId from, DhtMessage req) {
    switch (req.type()) {
      case PING:
        return new DhtMessage(DhtMessage.Type.PING, null, List.of(), List.of());
      case FIND_NODE:
      case GET_VALUE:
      case GET_PROVIDERS:
        if (req.key() == null) {
          return null;
        }
        List<DhtPeer> closer = new ArrayList<>();
        if (Arrays.equals(req.key(), host.peerId().bytes())) {
          closer.add(new DhtPeer(host.peerId(), host.listenAddrs(), DhtPeer.CONNECTED));
        }
        for (PeerId p : table.closest(RoutingTable.key(req.key()), config.k() + 1)) {
          if (p.equals(from) || closer.size() >= config.k()) {
            continue; // never tell a peer about itself
          }
          List<Multiaddr> addrs = peerStore.addrs(p);
          if (!addrs.isEmpty()) {
            boolean connected = !host.connections(p).isEmpty();
            closer.add(
                new DhtPeer(p, addrs, connected ? DhtPeer.CONNECTED : DhtPeer.NOT_CONNECTED));
          }
        }
        return new DhtMessage(req.type(), req.key(), closer, List.of());
      default:
        return null; // PUT_VALUE, ADD_PROVIDER: records are not kept
    }
  }

  // ---- client ----

  /**
   * Asks {@code peer} (dialling it from the peer store if needed) for peers closer to {@code key}.
   */
  public CompletableFuture<List<DhtPeer>> findNode(PeerId peer, byte[] key) {
    return connect(peer)
        .thenCompose(c -> c.newStream(List.of(config.protocolId())))
        .thenCompose(
            s -> {
              s.writeMessage(DhtMessage.findNode(key).encode());
              return s.readMessage(DhtMessage.MAX_BYTES)
                  .thenApply(
                      b -> {
                        s.close();
                        try {
                          if (b == null) {
                            throw new DecodeException("DHT stream closed without an answer");
                          }
                          DhtMessage resp = DhtMessage.decode(b);
                          if (resp.type() != DhtMessage.Type.FIND_NODE) {
                            throw new DecodeException("DHT answer of type " + resp.type());
                          }
                          return resp.closerPeers();
                        } catch (DecodeException e) {
                          throw new CompletionException(e);
                        }
                      });
            })
        .orTimeout(config.queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            peers -> {
              table.add(peer);
              for (DhtPeer p : peers) {
                peerStore.addAddrs(p.id(), p.addrs());
              }
              return peers;
            });
  }

  private CompletableFuture<Connection> connect(PeerId p) {
    for (Connection c : host.connections(p)) {
      if (c.isOpen()) {
        return CompletableFuture.completedFuture(c);
      }
    }
    List<Multiaddr> addrs = peerStore.addrs(p);
    if (addrs.isEmpty()) {
      return CompletableFuture.failedFuture(new StreamException("no address for " + p));
    }
    CompletableFuture<Connection> f = host.dial(addrs.get(0).withPeerId(p));
    for (Multiaddr a : addrs.subList(1, addrs.size())) {
      f = f.exceptionallyCompose(e -> host.dial(a.withPeerId(p)));
    }
    return f;
  }

  /**
   * The k peers closest to {@code key} that answered, found by iterative lookup starting from the
   * routing table.
   */
  public CompletableFuture<List<PeerId>> lookup(byte[] key) {
    Lookup l = new Lookup(key);
    l.start(table.closest(RoutingTable.key(key), config.k()));
    return l.result;
  }

  /** Finds the addresses of {@code target}: known ones, or through a lookup. */
  public CompletableFuture<List<Multiaddr>> findPeer(PeerId target) {
    List<Multiaddr> known = peerStore.addrs(target);
    if (!known.isEmpty()) {
      return CompletableFuture.completedFuture(known);
    }
    return lookup(target.bytes()).thenApply(r -> peerStore.addrs(target));
  }

  /** Looks up our own ID: fills the buckets near us and announces us to our neighbours. */
  public CompletableFuture<List<PeerId>> bootstrap() {
    return lookup(host.peerId().bytes());
  }

  private void randomWalk() {
    byte[] mh = new byte[34];
    mh[0] = 0x12;
    mh[1] = 32;
    byte[] digest = new byte[32];
    random.nextBytes(digest);
    System.arraycopy(digest, 0, mh, 2, 32);
    if (table.size() > 0) {
      lookup(mh).join();
    }
  }

  /** One iterative lookup; its state is guarded by its monitor. */
  private final class Lookup {
    final byte[] key;
    final byte[] target;
    final CompletableFuture<List<PeerId>> result = new CompletableFuture<>();
    final Set<PeerId> seen = new HashSet<>();
    final Set<PeerId> queried = new HashSet<>();
    final Set<PeerId> answered = new HashSet<>();
    List<PeerId> candidates = new ArrayList<>();
    int inflight;

    Lookup(byte[] key) {
      this.key = key;
      this.target = RoutingTable.key(key);
    }

    synchronized void start(List<PeerId> initial) {
      addCandidates(initial);
      step();
    }

    private void addCandidates(List<PeerId> ps) {
      for (PeerId p : ps) {
        if (!p.equals(host.peerId()) && seen.add(p)) {
          candidates.add(p);
        }
      }
      candidates = RoutingTable.sortByDistance(candidates, target);
    }

    private void step() {
      if (result.isDone()) {
        return;
      }
      // the k closest not known to have failed
      List<PeerId> front = candidates.subList(0, Math.min(config.k(), candidates.size()));
      for (PeerId p : List.copyOf(front)) {
        if (inflight >= config.alpha()) {
          break;
        }
        if (queried.add(p)) {
          inflight++;
          findNode(p, key).whenComplete((peers, err) -> done(p, peers, err));
        }
      }
      if (inflight == 0) {
        List<PeerId> best = new ArrayList<>();
        for (PeerId p : candidates) {
          if (answered.contains(p) && best.size() < config.k()) {
            best.add(p);
          }
        }
        result.complete(best);
      }
    }

    synchronized void done(PeerId p, List<DhtPeer> peers, Throwable err) {
      inflight--;
      if (err != null) {
        candidates.remove(p);
        table.remove(p);
      } else {
        answered.add(p);
        List<PeerId> ids = new ArrayList<>();
        for (DhtPeer d : peers) {
          ids.add(d.id());
        }
        addCandidates(ids);
      }
      step();
    }
  }

  @Override
  public void close() {
    host.removeListener(listener);
    if (config.serverMode()) {
      host.removeStreamHandler(config.protocolId());
    }
    timer.shutdownNow();
  }
}
