package io.filnode.net.pubsub;

import io.filnode.net.wire.DecodeException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Links {@link PubSub} instances in one process without sockets, for tests of upper layers. Each
 * RPC is encoded and decoded on the way, as on a stream, and arrives on the receiver's thread.
 */
public final class InMemoryNetwork {
  private InMemoryNetwork() {}

  /** Connects {@code a} (the dialler) and {@code b}. */
  public static void link(PubSub a, PubSub b) {
    b.executor()
        .execute(
            () ->
                b.router()
                    .addPeer(
                        a.peerId(),
                        GossipRouter.MESHSUB_1_1,
                        false,
                        "mem-" + a.peerId(),
                        to(b, a)));
    a.executor()
        .execute(
            () ->
                a.router()
                    .addPeer(
                        b.peerId(), GossipRouter.MESHSUB_1_1, true, "mem-" + b.peerId(), to(a, b)));
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
