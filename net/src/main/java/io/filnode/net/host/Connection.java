package io.filnode.net.host;

import io.filnode.net.identity.PeerId;
import io.filnode.net.identity.PubKey;
import io.filnode.net.multiaddr.Multiaddr;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A secured, multiplexed connection to one authenticated peer. */
public interface Connection {
  PeerId remotePeer();

  /** The key the peer proved in the Noise handshake. */
  PubKey remoteKey();

  Multiaddr remoteAddr();

  Multiaddr localAddr();

  /** True when this side dialled. */
  boolean isInitiator();

  /** The security protocol, {@code /noise}. */
  String security();

  /** The muxer protocol, {@code /yamux/1.0.0} or {@code /mplex/6.7.0}. */
  String muxer();

  /**
   * Opens a stream and negotiates the first protocol of {@code protocols} the peer supports; fails
   * with a {@link StreamException} when it supports none.
   */
  CompletableFuture<Stream> newStream(List<String> protocols);

  /** The result of the identify exchange the host runs on every new connection. */
  CompletableFuture<IdentifyInfo> identified();

  boolean isOpen();

  void close();

  /** Completes when the connection is closed. */
  CompletableFuture<Void> closeFuture();
}
