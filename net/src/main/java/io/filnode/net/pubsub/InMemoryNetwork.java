package io.filnode.net.pubsub;

import io.filnode.net.wire.DecodeException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Links {@link PubSub} instances in one process without sockets, for tests of upper layers. Each
 * RPC is encoded and decoded on the way, as on a stream, and arrives on the receiver's thread.
 */
public final class InMemoryNetwork {
  private InMemoryNetwork() {}

  /**
   * Connects {@code a} (the dialler) and {@code b}. Returns once both know each other; RPCs either
   * sends meanwhile (its subscriptions) are held until then, as a stream would hold them.
   */
  public static void link(PubSub a, PubSub b) {
    Gate toA = new Gate(to(b, a));
    Gate toB = new Gate(to(a, b));
    try {
      b.executor()
          .submit(
              () ->
                  b.router()
                      .addPeer(
                          a.peerId(), GossipRouter.MESHSUB_1_1, false, "mem-" + a.peerId(), toA))
          .get();
      a.executor()
          .submit(
              () ->
                  a.router()
                      .addPeer(
                          b.peerId(), GossipRouter.MESHSUB_1_1, true, "mem-" + b.peerId(), toB))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while linking", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("linking failed", e.getCause());
    }
    toA.open();
    toB.open();
  }

  /** Holds RPCs until both sides of a link know each other. */
  private static final class Gate implements PeerSink {
    private final PeerSink next;
    private java.util.List<Rpc> held = new java.util.ArrayList<>();

    Gate(PeerSink next) {
      this.next = next;
    }

    @Override
    public void send(Rpc rpc) {
      synchronized (this) {
        if (held != null) {
          held.add(rpc);
          return;
        }
      }
      next.send(rpc);
    }

    synchronized void open() {
      held.forEach(next::send);
      held = null;
    }
  }

  /** Disconnects {@code a} and {@code b}. */
  public static void unlink(PubSub a, PubSub b) {
    a.executor().execute(() -> a.router().removePeer(b.peerId()));
    b.executor().execute(() -> b.router().removePeer(a.peerId()));
  }

  /** The sink through which {@code from} writes to {@code to}. */
  private static PeerSink to(PubSub from, PubSub to) {
    return rpc -> {
      byte[] bytes = rpc.encode();
      if (bytes.length > to.config().maxMessageSize()) {
        return;
      }
      try {
        to.executor()
            .execute(
                () -> {
                  try {
                    to.router().handleRpc(from.peerId(), Rpc.decode(bytes));
                  } catch (DecodeException e) {
                    to.router().penalize(from.peerId(), 1);
                  }
                });
      } catch (RejectedExecutionException e) {
        // the receiver was closed: like a write to a dead stream
      }
    };
  }
}
