package io.filnode.net.pubsub;

import io.filnode.net.host.Connection;
import io.filnode.net.host.ConnectionListener;
import io.filnode.net.host.Host;
import io.filnode.net.host.Stream;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.wire.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs a {@link PubSub} over a {@link Host}: serves {@code /meshsub/1.1.0} and {@code
 * /meshsub/1.0.0}, opens one long-lived outbound stream per connected peer for writing, and reads
 * varint-length-prefixed RPCs from the streams peers open. An RPC larger than the maximum size, or
 * one that does not decode, resets that stream and counts as a behaviour penalty; the connection
 * stays up.
 */
public final class HostPubSub implements AutoCloseable {
  /** RPCs a peer may send before our outbound stream to it is ready; more are dropped. */
  private static final int MAX_EARLY_RPCS = 64;

  private final Host host;
  private final PubSub pubsub;
  private final Map<PeerId, Link> links = new ConcurrentHashMap<>();
  private final ConnectionListener listener;

  /** The state of one peer, touched only on the router's thread (except creation). */
  private static final class Link {
    final List<Rpc> early = new ArrayList<>();
    Stream out;
    boolean closed;
  }

  /**
   * @param pxDialer asked to connect to peers offered by PRUNE peer exchange
   */
  public HostPubSub(Host host, PubSub pubsub, Consumer<PeerId> pxDialer) {
    this.host = host;
    this.pubsub = pubsub;
    pubsub.router().setPxConnector(ps -> ps.forEach(pxDialer));
    host.setStreamHandler(GossipRouter.MESHSUB_1_1, this::inbound);
    host.setStreamHandler(GossipRouter.MESHSUB_1_0, this::inbound);
    this.listener =
        new ConnectionListener() {
          @Override
          public void connected(Connection c) {
            HostPubSub.this.connected(c);
          }

          @Override
          public void disconnected(Connection c) {
            HostPubSub.this.disconnected(c);
          }
        };
    host.addListener(listener);
    host.connections().forEach(this::connected);
  }

  public PubSub pubsub() {
    return pubsub;
  }

  private void onRouter(Runnable r) {
    try {
      pubsub.executor().execute(r);
    } catch (RejectedExecutionException e) {
      // pubsub closed
    }
  }

  private void connected(Connection c) {
    PeerId p = c.remotePeer();
    Link link = new Link();
    if (links.putIfAbsent(p, link) != null) {
      return; // a second connection to the same peer: the first one's stream serves
    }
    c.newStream(List.of(GossipRouter.MESHSUB_1_1, GossipRouter.MESHSUB_1_0))
        .whenComplete(
            (s, err) ->
                onRouter(
                    () -> {
                      if (err != null || link.closed || links.get(p) != link) {
                        if (s != null) {
                          s.reset();
                        }
                        if (links.get(p) == link) {
                          links.remove(p); // the peer does not speak gossipsub
                        }
                        return;
                      }
                      link.out = s;
                      pubsub
                          .router()
                          .addPeer(p, s.protocol(), c.isInitiator(), ip(c), rpc -> write(s, rpc));
                      for (Rpc rpc : link.early) {
                        pubsub.router().handleRpc(p, rpc);
                      }
                      link.early.clear();
                      s.closeFuture().thenRun(() -> onRouter(() -> outboundClosed(p, link, c)));
                    }));
  }

  private static String ip(Connection c) {
    Multiaddr a = c.remoteAddr();
    Multiaddr.HostPort hp = a == null ? null : a.tcpHostPort();
    return hp == null ? null : hp.host();
  }

  private void write(Stream s, Rpc rpc) {
    byte[] b = rpc.encode();
    if (b.length <= pubsub.config().maxMessageSize()) {
      s.writeMessage(b); // a failed write shows up as the stream closing
    }
  }

  private void outboundClosed(PeerId p, Link link, Connection c) {
    if (links.remove(p, link)) {
      link.closed = true;
      pubsub.router().removePeer(p);
      if (!c.isOpen()) {
        // its connection went away while another to the same peer stays: continue on that one
        host.connections(p).stream()
            .filter(Connection::isOpen)
            .findFirst()
            .ifPresent(this::connected);
      }
    }
  }

  private void disconnected(Connection c) {
    PeerId p = c.remotePeer();
    if (!host.connections(p).isEmpty()) {
      return;
    }
    Link link = links.remove(p);
    if (link != null) {
      onRouter(
          () -> {
            link.closed = true;
            if (link.out != null) {
              link.out.reset();
            }
            pubsub.router().removePeer(p);
          });
    }
  }

  private void inbound(Stream s) {
    readNext(s);
  }

  private void readNext(Stream s) {
    PeerId p = s.remotePeer();
    s.readMessage(pubsub.config().maxMessageSize())
        .whenComplete(
            (bytes, err) -> {
              if (err != null) {
                // oversized (the stream reset itself), truncated, or reset by the peer
                if (err.getCause() instanceof DecodeException || err instanceof DecodeException) {
                  onRouter(() -> pubsub.router().penalize(p, 1));
                }
                return;
              }
              if (bytes == null) {
                s.close();
                return;
              }
              Rpc rpc;
              try {
                rpc = Rpc.decode(bytes);
              } catch (DecodeException e) {
                s.reset();
                onRouter(() -> pubsub.router().penalize(p, 1));
                return;
              }
              onRouter(
                  () -> {
                    if (pubsub.router().hasPeer(p)) {
                      pubsub.router().handleRpc(p, rpc);
                    } else {
                      Link link = links.get(p);
                      if (link != null && link.early.size() < MAX_EARLY_RPCS) {
                        link.early.add(rpc);
                      }
                    }
                    readNext(s); // the next read starts once this RPC is handled: backpressure
                  });
            });
  }

  @Override
  public void close() {
    host.removeListener(listener);
    host.removeStreamHandler(GossipRouter.MESHSUB_1_1);
    host.removeStreamHandler(GossipRouter.MESHSUB_1_0);
    for (Link l : links.values()) {
      if (l.out != null) {
        l.out.close();
      }
    }
    links.clear();
  }
}
