package io.filnode.net.host;

import io.filnode.net.identity.PeerId;
import io.filnode.net.identity.PubKey;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.multiaddr.Protocol;
import io.filnode.net.multistream.MultistreamHandler;
import io.filnode.net.mux.MplexHandler;
import io.filnode.net.mux.Muxer;
import io.filnode.net.mux.YamuxHandler;
import io.filnode.net.noise.NoiseHandshake;
import io.filnode.net.noise.NoiseHandshakeHandler;
import io.filnode.net.wire.DecodeException;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A libp2p host: TCP (epoll where available, NIO otherwise), multistream-select, Noise, yamux or
 * mplex, and the identify and ping services. Upper layers register stream protocol handlers, dial
 * peers, open streams and watch connections. Thread-safe; callbacks run on Netty event loops.
 */
public final class Host implements AutoCloseable {
  private static final int NOISE_MAX_FRAME = 65535;

  private final HostConfig config;
  private final PeerId peerId;
  private final SecureRandom random = new SecureRandom();
  private final EventLoopGroup group;
  private final Class<? extends Channel> channelClass;
  private final Class<? extends ServerChannel> serverChannelClass;
  private final Map<String, StreamHandler> handlers = new ConcurrentHashMap<>();
  private final Set<ConnectionImpl> connections = ConcurrentHashMap.newKeySet();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Channel> servers = new CopyOnWriteArrayList<>();
  private final List<Multiaddr> listenAddrs = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public Host(HostConfig config) {
    this.config = config;
    this.peerId = config.key().publicKey().peerId();
    if (Epoll.isAvailable()) {
      group = new MultiThreadIoEventLoopGroup(config.ioThreads(), EpollIoHandler.newFactory());
      channelClass = EpollSocketChannel.class;
      serverChannelClass = EpollServerSocketChannel.class;
    } else {
      group = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
      channelClass = NioSocketChannel.class;
      serverChannelClass = NioServerSocketChannel.class;
    }
    Identify.register(this);
    Ping.register(this);
  }

  public PeerId peerId() {
    return peerId;
  }

  public HostConfig config() {
    return config;
  }

  /** Which Netty transport runs: {@code epoll} or {@code nio}. */
  public String transportName() {
    return channelClass == EpollSocketChannel.class ? "epoll" : "nio";
  }

  // ---- protocols ----

  /** Serves {@code protocol} on inbound streams with {@code handler} (replacing any previous). */
  public void setStreamHandler(String protocol, StreamHandler handler) {
    handlers.put(protocol, handler);
  }

  public void removeStreamHandler(String protocol) {
    handlers.remove(protocol);
  }

  StreamHandler handler(String protocol) {
    return handlers.get(protocol);
  }

  /** The protocols served, sorted. */
  public List<String> protocols() {
    return List.copyOf(new TreeSet<>(handlers.keySet()));
  }

  // ---- connections ----

  public void addListener(ConnectionListener l) {
    listeners.add(l);
  }

  public void removeListener(ConnectionListener l) {
    listeners.remove(l);
  }

  public List<Connection> connections() {
    return List.copyOf(connections);
  }

  public List<Connection> connections(PeerId peer) {
    return connections.stream()
        .filter(c -> c.remotePeer().equals(peer))
        .collect(Collectors.toList());
  }

  public Set<PeerId> peers() {
    return connections.stream().map(Connection::remotePeer).collect(Collectors.toSet());
  }

  /**
   * Listens on a TCP multiaddr ({@code /ip4/0.0.0.0/tcp/0}); completes with the bound address (the
   * real port when 0 was asked for).
   */
  public CompletableFuture<Multiaddr> listen(Multiaddr addr) {
    Multiaddr.HostPort hp = addr.tcpHostPort();
    if (hp == null || (hp.hostProtocol() != Protocol.IP4 && hp.hostProtocol() != Protocol.IP6)) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("can only listen on /ip4|ip6/…/tcp/…, not " + addr));
    }
    CompletableFuture<Multiaddr> result = new CompletableFuture<>();
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(serverChannelClass)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    upgrade(ch, false, null, new CompletableFuture<>());
                  }
                });
    b.bind(new InetSocketAddress(hp.host(), hp.port()))
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(
                    new StreamException("cannot listen on " + addr, f.cause()));
                return;
              }
              servers.add(f.channel());
              Multiaddr bound = toMultiaddr(f.channel().localAddress());
              listenAddrs.add(bound);
              result.complete(bound);
            });
    return result;
  }

  public List<Multiaddr> listenAddrs() {
    return List.copyOf(listenAddrs);
  }

  /**
   * Dials a TCP multiaddr ({@code /ip4|ip6|dns|dns4|dns6/…/tcp/…}, optionally ending in {@code
   * /p2p/ID}, which the Noise handshake must then prove).
   */
  public CompletableFuture<Connection> dial(Multiaddr addr) {
    if (closed) {
      return CompletableFuture.failedFuture(new StreamException("host is closed"));
    }
    PeerId expected = addr.peerId();
    Multiaddr.HostPort hp = addr.withoutPeerId().tcpHostPort();
    if (hp == null || addr.withoutPeerId().components().size() != 2) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("not a TCP address: " + addr));
    }
    CompletableFuture<Connection> result = new CompletableFuture<>();
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(channelClass)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.dialTimeout().toMillis())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    upgrade(ch, true, expected, result);
                  }
                });
    b.connect(InetSocketAddress.createUnresolved(hp.host(), hp.port()))
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(
                    new StreamException(
                        "cannot connect to " + addr + ": " + f.cause().getMessage(), f.cause()));
              }
            });
    return result;
  }

  /** Dials unless a connection to the address's peer is already open. */
  public CompletableFuture<Connection> connect(Multiaddr addr) {
    PeerId p = addr.peerId();
    if (p != null) {
      for (Connection c : connections(p)) {
        if (c.isOpen()) {
          return CompletableFuture.completedFuture(c);
        }
      }
    }
    return dial(addr);
  }

  /** Opens a stream to a connected peer for the first of {@code protocols} it supports. */
  public CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols) {
    for (Connection c : connections(peer)) {
      if (c.isOpen()) {
        return c.newStream(protocols);
      }
    }
    return CompletableFuture.failedFuture(new StreamException("not connected to " + peer));
  }

  /** Runs identify on {@code c} again (the host already runs it once per connection). */
  public CompletableFuture<IdentifyInfo> identify(Connection c) {
    return Identify.request(c);
  }

  /** One ping round trip on {@code c}. */
  public CompletableFuture<Duration> ping(Connection c) {
    return Ping.ping(c, random);
  }

  // ---- the upgrade: multistream → Noise → multistream → muxer ----

  private void upgrade(
      Channel ch, boolean initiator, PeerId expected, CompletableFuture<Connection> result) {
    ChannelPipeline p = ch.pipeline();
    java.util.function.Consumer<Throwable> fail =
        e -> {
          if (result.completeExceptionally(
              e instanceof StreamException ? e : new StreamException(e.getMessage(), e))) {
            ch.close();
          }
        };
    p.addLast(
        "timeout",
        new ChannelInboundHandlerAdapter() {
          @Override
          public void channelActive(ChannelHandlerContext ctx) {
            ctx.executor()
                .schedule(
                    () -> {
                      if (!result.isDone()) {
                        fail.accept(new StreamException("connection upgrade timed out"));
                      }
                    },
                    config.upgradeTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            ctx.pipeline().remove(this);
            ctx.fireChannelActive();
          }
        });
    p.addLast(
        "mss-security",
        new MultistreamHandler(
            initiator,
            List.of(ConnectionImpl.NOISE),
            security -> {
              p.addAfter(
                  "mss-security",
                  "frames",
                  new LengthFieldBasedFrameDecoder(NOISE_MAX_FRAME + 2, 0, 2, 0, 2));
              p.addAfter(
                  "frames",
                  "noise-handshake",
                  new NoiseHandshakeHandler(
                      new NoiseHandshake(initiator, config.key(), random),
                      expected,
                      remoteKey -> negotiateMuxer(ch, initiator, remoteKey, result, fail),
                      fail));
            },
            fail));
  }

  private void negotiateMuxer(
      Channel ch,
      boolean initiator,
      PubKey remoteKey,
      CompletableFuture<Connection> result,
      java.util.function.Consumer<Throwable> fail) {
    ChannelPipeline p = ch.pipeline();
    p.addAfter(
        "noise",
        "mss-muxer",
        new MultistreamHandler(
            initiator,
            config.muxers(),
            muxerId -> {
              ConnectionImpl c = new ConnectionImpl(this, ch, initiator, remoteKey);
              ChannelHandler h =
                  muxerId.equals(YamuxHandler.PROTOCOL_ID)
                      ? new YamuxHandler(c, initiator, c::inbound, config.yamux())
                      : new MplexHandler(c, c::inbound);
              c.muxer((Muxer) h);
              p.addAfter("mss-muxer", "muxer", h);
              if (closed || !result.complete(c)) {
                ch.close();
                return;
              }
              added(c);
            },
            fail));
    // between the muxer and Noise: the muxer's many small flushes (window updates, frames written
    // while reading) become one Noise flush per read batch, so small frames share Noise frames
    p.addAfter("noise", "flush", new FlushConsolidationHandler(256, true));
  }

  private void added(ConnectionImpl c) {
    connections.add(c);
    for (ConnectionListener l : listeners) {
      l.connected(c);
    }
    c.closeFuture()
        .thenRun(
            () -> {
              connections.remove(c);
              for (ConnectionListener l : listeners) {
                l.disconnected(c);
              }
            });
    Identify.request(c).whenComplete(c::identifyResult);
  }

  static Multiaddr toMultiaddr(SocketAddress sa) {
    if (!(sa instanceof InetSocketAddress isa) || isa.getAddress() == null) {
      return null;
    }
    String proto = isa.getAddress() instanceof Inet4Address ? "ip4" : "ip6";
    String host = isa.getAddress().getHostAddress();
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    try {
      return Multiaddr.fromString("/" + proto + "/" + host + "/tcp/" + isa.getPort());
    } catch (DecodeException e) {
      throw new IllegalStateException("the JDK printed an address we cannot parse: " + host, e);
    }
  }

  /** Closes every connection and listener and stops the event loops. */
  @Override
  public void close() {
    closed = true;
    List<Channel> all = new ArrayList<>(servers);
    for (ConnectionImpl c : connections) {
      c.close();
    }
    for (Channel s : all) {
      s.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
