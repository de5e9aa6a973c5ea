package io.filnode.rpc.server;

/**
 * Where and how the API listens.
 *
 * @param host the address to bind ({@code 127.0.0.1} by default, as Lotus)
 * @param port the TCP port ({@code 1234} by default; 0 picks a free one)
 * @param maxRequestBytes the largest request body or WebSocket message accepted (16 MiB by default;
 *     Lotus allows 100 MiB, but no method of the read API needs more than a few and a smaller bound
 *     caps the memory a request can pin)
 * @param maxNestingDepth the deepest JSON nesting accepted (64; Lotus's deepest shapes use ~8)
 * @param workerThreads the threads that run methods
 * @param workerQueue how many requests may wait for a worker before the server answers busy
 */
public record RpcServerConfig(
    String host,
    int port,
    int maxRequestBytes,
    int maxNestingDepth,
    int workerThreads,
    int workerQueue) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 1234;
  public static final int DEFAULT_MAX_REQUEST_BYTES = 16 << 20;
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  public RpcServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxRequestBytes < 1 || maxNestingDepth < 1 || workerThreads < 1 || workerQueue < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Lotus's address with the defaults above and {@code max(4, 2 × cores)} workers. */
  public static RpcServerConfig defaults() {
    int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    return new RpcServerConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_MAX_REQUEST_BYTES,
        DEFAULT_MAX_NESTING_DEPTH,
        workers,
        1024);
  }

  public RpcServerConfig withHost(String h) {
    return new RpcServerConfig(
        h, port, maxRequestBytes, maxNestingDepth, workerThreads, workerQueue);
  }

  public RpcServerConfig withPort(int p) {
    return new RpcServerConfig(
        host, p, maxRequestBytes, maxNestingDepth, workerThreads, workerQueue);
  }

  public RpcServerConfig withMaxRequestBytes(int n) {
    return new RpcServerConfig(host, port, n, maxNestingDepth, workerThreads, workerQueue);
  }

  public RpcServerConfig withMaxNestingDepth(int n) {
    return new RpcServerConfig(host, port, maxRequestBytes, n, workerThreads, workerQueue);
  }

  public RpcServerConfig withWorkers(int threads, int queue) {
    return new RpcServerConfig(host, port, maxRequestBytes, maxNestingDepth, threads, queue);
  }
}
