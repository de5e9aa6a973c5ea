package io.filnode.node.config;

import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.wire.DecodeException;
import io.filnode.rpc.server.RpcServerConfig;
import java.util.List;

/**
 * The daemon's settings from {@code <repo>/config.toml}, Lotus's sections and key names where Lotus
 * has them. Every key is optional; {@link #defaults()} holds what a missing key means.
 *
 * @param api the {@code [API]} section
 * @param chainstore the {@code [Chainstore]} section
 * @param libp2p the {@code [Libp2p]} section
 */
public record NodeConfig(Api api, Chainstore chainstore, Libp2p libp2p) {

  /** The RocksDB block cache the daemon used before it had a config file. */
  public static final long DEFAULT_BLOCK_CACHE_BYTES = 256L << 20;

  /**
   * {@code [API]}: the JSON-RPC server.
   *
   * @param listenAddress where it listens ({@code ListenAddress})
   * @param maxRequestBytes the largest request body accepted ({@code MaxRequestBytes})
   * @param maxNestingDepth the deepest JSON nesting accepted ({@code MaxNestingDepth})
   */
  public record Api(ListenAddress listenAddress, int maxRequestBytes, int maxNestingDepth) {
    public Api {
      if (maxRequestBytes < 1 || maxNestingDepth < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /**
   * {@code [Chainstore]}: the block store.
   *
   * @param blockCacheBytes the RocksDB block cache size ({@code BlockCacheBytes}); 0 disables it
   */
  public record Chainstore(long blockCacheBytes) {
    public Chainstore {
      if (blockCacheBytes < 0) {
        throw new IllegalArgumentException("must not be negative");
      }
    }
  }

  /**
   * {@code [Libp2p]}: the node's libp2p host.
   *
   * @param listenAddresses the TCP multiaddrs it listens on ({@code ListenAddresses}); port 0 picks
   *     a free port
   */
  public record Libp2p(List<Multiaddr> listenAddresses) {
    /** Lotus's default: every IPv4 and IPv6 interface, a free port each. */
    public static final List<String> DEFAULT_LISTEN =
        List.of("/ip4/0.0.0.0/tcp/0", "/ip6/::/tcp/0");

    public Libp2p {
      listenAddresses = List.copyOf(listenAddresses);
    }

    /** The default section. */
    public static Libp2p defaults() {
      try {
        return new Libp2p(List.of(parse(DEFAULT_LISTEN.get(0)), parse(DEFAULT_LISTEN.get(1))));
      } catch (DecodeException e) {
        throw new IllegalStateException("the default listen addresses do not parse", e);
      }
    }

    private static Multiaddr parse(String s) throws DecodeException {
      return Multiaddr.fromString(s);
    }
  }

  /** A config without a {@code [Libp2p]} section (its defaults). */
  public NodeConfig(Api api, Chainstore chainstore) {
    this(api, chainstore, Libp2p.defaults());
  }

  /** What an empty file means: the values the daemon used before it read one. */
  public static NodeConfig defaults() {
    return new NodeConfig(
        new Api(
            new ListenAddress(RpcServerConfig.DEFAULT_HOST, RpcServerConfig.DEFAULT_PORT),
            RpcServerConfig.DEFAULT_MAX_REQUEST_BYTES,
            RpcServerConfig.DEFAULT_MAX_NESTING_DEPTH),
        new Chainstore(DEFAULT_BLOCK_CACHE_BYTES),
        Libp2p.defaults());
  }

  /** This config with the API listening elsewhere (the {@code --api} flag wins over the file). */
  public NodeConfig withListenAddress(ListenAddress address) {
    return new NodeConfig(
        new Api(address, api.maxRequestBytes(), api.maxNestingDepth()), chainstore, libp2p);
  }

  /** This config with libp2p listening elsewhere (tests listen on 127.0.0.1 only). */
  public NodeConfig withLibp2pListen(List<Multiaddr> addresses) {
    return new NodeConfig(api, chainstore, new Libp2p(addresses));
  }

  /** The RPC server's settings: this file's address and limits, the server's default workers. */
  public RpcServerConfig rpcServer() {
    return RpcServerConfig.defaults()
        .withHost(api.listenAddress().host())
        .withPort(api.listenAddress().port())
        .withMaxRequestBytes(api.maxRequestBytes())
        .withMaxNestingDepth(api.maxNestingDepth());
  }
}
