package io.filnode.net.pubsub;

/** Where the router writes RPCs for one peer (a stream, or an in-memory link). */
@FunctionalInterface
public interface PeerSink {
  void send(Rpc rpc);
}
