package io.filnode.bench;

import com.sun.management.OperatingSystemMXBean;
import io.filnode.node.config.ListenAddress;
import io.filnode.node.config.NodeConfig;
import io.filnode.node.daemon.Daemon;
import io.filnode.node.daemon.DaemonConfig;
import io.filnode.node.daemon.NetworkParams;
import io.filnode.node.daemon.NodeRepo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load test of the JSON-RPC server: starts a daemon in this JVM on the mainnet genesis (a fresh
 * repo), then keeps N keep-alive HTTP/1.1 connections on loopback busy with one method each,
 * reporting requests per second and latency percentiles. The client is raw sockets with precomputed
 * requests, so that it costs the shared cores as little as possible.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.filnode.bench.RpcLoadHarness \
 *     ../shared/genesis/mainnet.car.zst [connections=32] [warmupSeconds=5] [seconds=15]
 * </pre>
 */
public final class RpcLoadHarness {
  private static final String[][] CALLS = {
    {"ChainHead", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainHead\",\"params\":[]}"},
    {
      "StateGetActor",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.StateGetActor\",\"params\":[\"f04\",null]}"
    },
  };

  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private RpcLoadHarness() {}

  public static void main(String[] args) throws Exception {
    Path genesis = Path.of(args[0]).toAbsolutePath();
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    Path repo = Files.createTempDirectory("filnode-bench-repo");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    try (Daemon daemon =
        Daemon.start(
            new DaemonConfig(
                NodeRepo.at(repo),
                NetworkParams.MAINNET,
                genesis,
                NodeConfig.defaults().withListenAddress(new ListenAddress("127.0.0.1", 0)),
                "bench"),
            out)) {
      InetSocketAddress at = new InetSocketAddress("127.0.0.1", daemon.apiPort());
      for (String[] call : CALLS) {
        byte[] request = request(call[1]);
        run(at, request, connections, warmup); // warm-up, discarded
        Result r = run(at, request, connections, seconds);
        out.printf(
            Locale.ROOT,
            "%-14s %d conns %ds: %,.0f req/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms"
                + "  CPU %.0f µs/req  errors %d%n",
            call[0],
            connections,
            seconds,
            r.perSecond(),
            r.percentileMillis(50),
            r.percentileMillis(99),
            r.percentileMillis(99.9),
            r.cpuMicrosPerRequest(),
            r.errors());
      }
    }
  }

  private static byte[] request(String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /rpc/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + b.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(h, h.length + b.length);
    System.arraycopy(b, 0, all, h.length, b.length);
    return all;
  }

  /** The requests of one run: latencies in nanoseconds, wall time, failures. */
  private record Result(long[] latencies, long elapsedNanos, long cpuNanos, long errors) {
    /** CPU time of the whole process (server and client) per request, in microseconds. */
    double cpuMicrosPerRequest() {
      return latencies.length == 0 ? Double.NaN : cpuNanos / 1e3 / latencies.length;
    }

    double perSecond() {
      return latencies.length * 1e9 / elapsedNanos;
    }

    double percentileMillis(double p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
      return latencies[Math.max(0, i)] / 1e6;
    }
  }

  private static Result run(InetSocketAddress at, byte[] request, int connections, int seconds)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    CountDownLatch ready = new CountDownLatch(connections);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[][] slots = new long[connections][];
    int[] counts = new int[connections];
    for (int t = 0; t < connections; t++) {
      int me = t;
      Thread th =
          new Thread(
              () -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try (Socket s = new Socket()) {
                  s.setTcpNoDelay(true);
                  s.connect(at);
                  OutputStream o = s.getOutputStream();
                  InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
                  ready.countDown();
                  go.await();
                  while (!stop.get()) {
                    long start = System.nanoTime();
                    o.write(request);
                    o.flush();
                    if (!readResponse(in)) {
                      errors.incrementAndGet();
                    }
                    if (n == lat.length) {
                      lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - start;
                  }
                } catch (IOException e) {
                  errors.incrementAndGet();
                  throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  slots[me] = lat;
                  counts[me] = n;
                }
              },
              "client-" + t);
      threads.add(th);
      th.start();
    }
    ready.await();
    long cpu0 = CPU.getProcessCpuTime();
    long start = System.nanoTime();
    go.countDown();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread th : threads) {
      th.join();
    }
    long elapsed = System.nanoTime() - start;
    long cpu = CPU.getProcessCpuTime() - cpu0;
    long[] all = new long[Arrays.stream(counts).sum()];
    int at0 = 0;
    for (int t = 0; t < connections; t++) {
      System.arraycopy(slots[t], 0, all, at0, counts[t]);
      at0 += counts[t];
    }
    Arrays.sort(all);
    return new Result(all, elapsed, cpu, errors.get());
  }

  /** Reads one HTTP response; true when it is a 200 carrying a JSON-RPC result. */
  private static boolean readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while (true) {
      c = in.read();
      if (c < 0) {
        throw new IOException("connection closed");
      }
      head.append((char) c);
      int n = head.length();
      if (n >= 4 && head.charAt(n - 1) == '\n' && head.indexOf("\r\n\r\n", n - 4) >= 0) {
        break;
      }
    }
    String h = head.toString();
    int length = 0;
    for (String line : h.split("\r\n")) {
      if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    return h.startsWith("HTTP/1.1 200")
        && new String(body, StandardCharsets.UTF_8).contains("\"result\"");
  }
}
