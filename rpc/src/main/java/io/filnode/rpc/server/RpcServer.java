package io.filnode.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.auth.TokenVerifier;
import io.filnode.rpc.json.LotusJson;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JSON-RPC server: HTTP POST and WebSocket on each API path ({@code /rpc/v1}, {@code /rpc/v0}),
 * {@code /health/livez}, {@code /health/readyz} and any extra GET routes, on Netty.
 *
 * <pre>{@code
 * RpcServer server = RpcServer.builder(RpcServerConfig.defaults())
 *     .mapper(LotusJson.objectMapper(Network.MAINNET))
 *     .tokens(new Jwt(secret))
 *     .api("/rpc/v1", v1)
 *     .api("/rpc/v0", v0)
 *     .route("/debug/metrics", metrics)
 *     .build();
 * server.start();
 * server.setReady(true);
 * }</pre>
 */
public final class RpcServer implements AutoCloseable {
  /** The API paths Lotus serves. */
  public static final String V0 = "/rpc/v0";

  public static final String V1 = "/rpc/v1";

  private final RpcServerConfig config;
  private final Map<String, Dispatcher> apis;
  private final Served served;
  private final ThreadPoolExecutor workers;
  private EventLoopGroup boss;
  private EventLoopGroup io;
  private Channel listener;

  private RpcServer(Builder b) {
    this.config = b.config;
    this.workers =
        new ThreadPoolExecutor(
            config.workerThreads(),
            config.workerThreads(),
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.workerQueue()),
            new DefaultThreadFactory("rpc-worker", true));
    Map<String, Dispatcher> apis = new LinkedHashMap<>();
    b.apis.forEach(
        (path, registry) ->
            apis.put(
                path, new Dispatcher(registry, b.mapper, config.maxNestingDepth(), b.observer)));
    this.apis = Map.copyOf(apis);
    this.served =
        new Served(
            this.apis,
            b.tokens,
            Map.copyOf(b.routes),
            workers,
            new AtomicBoolean(),
            config.maxRequestBytes());
  }

  /** A builder for a server with {@code config}. */
  public static Builder builder(RpcServerConfig config) {
    return new Builder(config);
  }

  /** Binds and starts serving; throws when the address cannot be bound. */
  public synchronized void start() throws IOException {
    if (listener != null) {
      throw new IllegalStateException("already started");
    }
    boss =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("rpc-accept", true), NioIoHandler.newFactory());
    io =
        new MultiThreadIoEventLoopGroup(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("rpc-io", true),
            NioIoHandler.newFactory());
    ServerBootstrap b =
        new ServerBootstrap()
            .group(boss, io)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("http", new HttpServerCodec())
                        .addLast("aggregator", new LimitedAggregator(config.maxRequestBytes()))
                        .addLast("handler", new HttpHandler(served));
                  }
                });
    try {
      listener = b.bind(config.host(), config.port()).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("interrupted while binding " + config.host() + ":" + config.port(), e);
    } catch (RuntimeException e) {
      close();
      throw new IOException("cannot listen on " + config.host() + ":" + config.port(), e);
    }
  }

  /** The bound address (with the real port when configured with 0). */
  public synchronized InetSocketAddress address() {
    if (listener == null) {
      throw new IllegalStateException("not started");
    }
    return (InetSocketAddress) listener.localAddress();
  }

  /** The bound port. */
  public int port() {
    return address().getPort();
  }

  /**
   * Answers one JSON-RPC body as a POST to {@code path} from a caller with {@code allow} is
   * answered, minus the transport (for in-process tests and benchmarks; works before {@link
   * #start}): the response body, or null where HTTP answers 204 (notifications only).
   *
   * @throws IllegalArgumentException when nothing is served at {@code path}
   */
  public byte[] handle(String path, byte[] body, List<String> allow) {
    Dispatcher api = apis.get(path);
    if (api == null) {
      throw new IllegalArgumentException("no API at " + path);
    }
    JsonNode reply = api.handle(body, allow, null).body();
    return reply == null ? null : Responses.bytes(reply);
  }

  /** Sets what {@code /health/readyz} answers (not ready until set). */
  public void setReady(boolean ready) {
    served.ready().set(ready);
  }

  /** Stops listening, closes connections and the worker pool. */
  @Override
  public synchronized void close() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
      listener = null;
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      boss = null;
      io = null;
    }
    workers.shutdownNow();
  }

  /** Collects what the server serves. */
  public static final class Builder {
    private final RpcServerConfig config;
    private final Map<String, MethodRegistry> apis = new LinkedHashMap<>();
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
    private ObjectMapper mapper = LotusJson.objectMapper();
    private TokenVerifier tokens;
    private CallObserver observer = CallObserver.NONE;

    private Builder(RpcServerConfig config) {
      this.config = config;
    }

    /** The Lotus JSON mapper for params and results (mainnet's by default). */
    public Builder mapper(ObjectMapper m) {
      this.mapper = m;
      return this;
    }

    /** How tokens are verified; without one, any token is refused with 401. */
    public Builder tokens(TokenVerifier t) {
      this.tokens = t;
      return this;
    }

    /** Who is told of every call (metrics); none by default. */
    public Builder observer(CallObserver o) {
      this.observer = o;
      return this;
    }

    /** Serves {@code registry} at {@code path} (e.g. {@link #V1}). */
    public Builder api(String path, MethodRegistry registry) {
      if (apis.putIfAbsent(path, registry) != null) {
        throw new IllegalArgumentException("path served twice: " + path);
      }
      return this;
    }

    /** Serves {@code route} to GETs of {@code path} (e.g. {@code /debug/metrics}). */
    public Builder route(String path, HttpRoute route) {
      if (routes.putIfAbsent(path, route) != null) {
        throw new IllegalArgumentException("path served twice: " + path);
      }
      return this;
    }

    public RpcServer build() {
      return new RpcServer(this);
    }
  }
}
