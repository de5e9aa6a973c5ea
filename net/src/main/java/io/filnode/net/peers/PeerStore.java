package io.filnode.net.peers;

import io.filnode.net.host.Connection;
import io.filnode.net.host.ConnectionListener;
import io.filnode.net.host.Host;
import io.filnode.net.host.IdentifyInfo;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What we know of peers: their addresses (from identify, from outbound dials, from the DHT) and
 * protocols and agent (from identify). Bounded: at most {@link #MAX_ADDRS} addresses per peer and
 * {@link #MAX_PEERS} peers (new peers beyond that are not recorded). Thread-safe.
 */
public final class PeerStore {
  public static final int MAX_ADDRS = 32;
  public static final int MAX_PEERS = 100_000;

  private static final class Entry {
    final Set<Multiaddr> addrs = new LinkedHashSet<>();
    List<String> protocols = List.of();
    String agent;
  }

  private final Map<PeerId, Entry> peers = new ConcurrentHashMap<>();

  /** Records what a host learns: dialled addresses and identify results of every connection. */
  public void attach(Host host) {
    host.addListener(
        new ConnectionListener() {
          @Override
          public void connected(Connection c) {
            if (c.isInitiator() && c.remoteAddr() != null) {
              addAddrs(c.remotePeer(), List.of(c.remoteAddr()));
            }
            c.identified().thenAccept(info -> identified(c.remotePeer(), info));
          }
        });
    for (Connection c : host.connections()) {
      c.identified().thenAccept(info -> identified(c.remotePeer(), info));
    }
  }

  /** Records an identify result: listen addresses, protocols, agent. */
  public void identified(PeerId p, IdentifyInfo info) {
    Entry e = entry(p);
    if (e == null) {
      return;
    }
    synchronized (e) {
      e.protocols = info.protocols();
      e.agent = info.agentVersion();
    }
    addAddrs(p, info.listenAddrs());
  }

  private Entry entry(PeerId p) {
    Entry e = peers.get(p);
    if (e == null && peers.size() < MAX_PEERS) {
      e = peers.computeIfAbsent(p, k -> new Entry());
    }
    return e;
  }

  /** Adds addresses (without a {@code /p2p} suffix) for {@code p}. */
  public void addAddrs(PeerId p, Collection<Multiaddr> addrs) {
    Entry e = entry(p);
    if (e == null) {
      return;
    }
    synchronized (e) {
      for (Multiaddr a : addrs) {
        if (e.addrs.size() >= MAX_ADDRS) {
          break;
        }
        e.addrs.add(a.peerId() != null ? a.withoutPeerId() : a);
      }
    }
  }

  public List<Multiaddr> addrs(PeerId p) {
    Entry e = peers.get(p);
    if (e == null) {
      return List.of();
    }
    synchronized (e) {
      return new ArrayList<>(e.addrs);
    }
  }

  public List<String> protocols(PeerId p) {
    Entry e = peers.get(p);
    if (e == null) {
      return List.of();
    }
    synchronized (e) {
      return e.protocols;
    }
  }

  public String agent(PeerId p) {
    Entry e = peers.get(p);
    if (e == null) {
      return null;
    }
    synchronized (e) {
      return e.agent;
    }
  }

  public boolean supports(PeerId p, String protocol) {
    return protocols(p).contains(protocol);
  }

  public Set<PeerId> peers() {
    return Set.copyOf(peers.keySet());
  }

  public void remove(PeerId p) {
    peers.remove(p);
  }
}
