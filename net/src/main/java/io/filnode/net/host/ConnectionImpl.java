package io.filnode.net.host;

import io.filnode.net.identity.PeerId;
import io.filnode.net.identity.PubKey;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.multistream.StreamNegotiation;
import io.filnode.net.mux.MuxedStream;
import io.filnode.net.mux.Muxer;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Connection} on a Netty channel whose pipeline has been upgraded. */
final class ConnectionImpl implements Connection {
  static final String NOISE = "/noise";
  private static final long NEGOTIATION_TIMEOUT_SECONDS = 10;

  private final Host host;
  private final Channel channel;
  private final boolean initiator;
  private final PubKey remoteKey;
  private final PeerId remotePeer;
  private final Multiaddr remoteAddr;
  private final Multiaddr localAddr;
  private final CompletableFuture<IdentifyInfo> identified = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile Muxer muxer;
  private volatile IdentifyInfo latestIdentify;

  ConnectionImpl(Host host, Channel channel, boolean initiator, PubKey remoteKey) {
    this.host = host;
    this.channel = channel;
    this.initiator = initiator;
    this.remoteKey = remoteKey;
    this.remotePeer = remoteKey.peerId();
    this.remoteAddr = Host.toMultiaddr(channel.remoteAddress());
    this.localAddr = Host.toMultiaddr(channel.localAddress());
    channel.closeFuture().addListener(f -> closed.complete(null));
  }

  void muxer(Muxer m) {
    this.muxer = m;
  }

  /** A stream the remote opened: negotiate its protocol, then hand it to the handler. */
  void inbound(MuxedStream s) {
    if (!host.admitStream(this, s)) {
      s.reset();
      return;
    }
    var timeout =
        channel
            .eventLoop()
            .schedule(
                () -> {
                  if (s.protocol() == null) {
                    s.reset();
                  }
                },
                NEGOTIATION_TIMEOUT_SECONDS,
                TimeUnit.SECONDS);
    StreamNegotiation.handle(s, p -> host.handler(p) != null, host::protocols)
        .whenComplete(
            (p, err) -> {
              timeout.cancel(false);
              StreamHandler h = err == null ? host.handler(p) : null;
              if (h == null) {
                s.reset();
                return;
              }
              s.protocol(p);
              h.handle(s);
            });
  }

  void identifyResult(IdentifyInfo info, Throwable err) {
    if (info != null) {
      latestIdentify = info;
      identified.complete(info);
    } else {
      identified.completeExceptionally(err);
    }
  }

  /** An identify push replaced what the peer told us. */
  void identifyPushed(IdentifyInfo info) {
    latestIdentify = info;
    identified.complete(info);
  }

  /** The most recent identify information (after pushes), or null. */
  IdentifyInfo latestIdentify() {
    return latestIdentify;
  }

  @Override
  public CompletableFuture<Stream> newStream(List<String> protocols) {
    Muxer m = muxer;
    return m.openStream()
        .thenCompose(
            s ->
                StreamNegotiation.select(s, protocols)
                    .handle(
                        (p, err) -> {
                          if (err != null) {
                            s.reset();
                            throw err instanceof java.util.concurrent.CompletionException ce
                                ? ce
                                : new java.util.concurrent.CompletionException(err);
                          }
                          s.protocol(p);
                          return (Stream) s;
                        }));
  }

  @Override
  public PeerId remotePeer() {
    return remotePeer;
  }

  @Override
  public PubKey remoteKey() {
    return remoteKey;
  }

  @Override
  public Multiaddr remoteAddr() {
    return remoteAddr;
  }

  @Override
  public Multiaddr localAddr() {
    return localAddr;
  }

  @Override
  public boolean isInitiator() {
    return initiator;
  }

  @Override
  public String security() {
    return NOISE;
  }

  @Override
  public String muxer() {
    return muxer.protocolId();
  }

  @Override
  public CompletableFuture<IdentifyInfo> identified() {
    return identified;
  }

  @Override
  public boolean isOpen() {
    return channel.isActive();
  }

  @Override
  public void close() {
    channel.close();
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  @Override
  public String toString() {
    return "connection to " + remotePeer + " at " + remoteAddr;
  }
}
