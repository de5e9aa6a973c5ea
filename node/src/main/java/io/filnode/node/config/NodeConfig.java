package io.filnode.node.config;

import io.filnode.rpc.server.RpcServerConfig;

/**
 * The daemon's settings from {@code <repo>/config.toml}, Lotus's sections and key names where Lotus
 * has them. Every key is optional; {@link #defaults()} holds what a missing key means.
 *
 * @param api the {@code [API]} section
 * @param chainstore the {@code [Chainstore]} section
 */
public record NodeConfig(Api api, Chainstore chainstore) {

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

  /** What an empty file means: the values the daemon used before it read one. */
  public static NodeConfig defaults() {
    return new NodeConfig(
        new Api(
            new ListenAddress(RpcServerConfig.DEFAULT_HOST, RpcServerConfig.DEFAULT_PORT),
            RpcServerConfig.DEFAULT_MAX_REQUEST_BYTES,
            RpcServerConfig.DEFAULT_MAX_NESTING_DEPTH),
        new Chainstore(DEFAULT_BLOCK_CACHE_BYTES));
  }

  /** This config with the API listening elsewhere (the {@code --api} flag wins over the file). */
  public NodeConfig withListenAddress(ListenAddress address) {
    return new NodeConfig(
        new Api(address, api.maxRequestBytes(), api.maxNestingDepth()), chainstore);
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
