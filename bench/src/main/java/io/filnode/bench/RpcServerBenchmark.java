package io.filnode.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.server.RpcServer;
import io.filnode.rpc.server.RpcServerConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON-RPC over HTTP on loopback: a stub {@code Filecoin.ChainHead} answering a fixed tipset-shaped
 * JSON, called by 32 threads, each on its own keep-alive connection (a minimal HTTP/1.1 client, so
 * the figure is the server's). Throughput gives requests/s; SampleTime gives p99.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(32)
@Fork(1)
public class RpcServerBenchmark {
  private static final String HEAD =
      "{\"Cids\":[{\"/\":\"bafy2bzacea3wsdh6y3a36tb3skempjoxqpuyompjbmfeyf34fi3uy6uue42v4\"}],"
          + "\"Blocks\":[{\"Miner\":\"f01234\",\"ParentWeight\":\"0\",\"Height\":10101,"
          + "\"Timestamp\":42,\"ForkSignaling\":42,\"ParentBaseFee\":\"0\"}],\"Height\":10101}";

  /** The server, shared by all threads. */
  @State(Scope.Benchmark)
  public static class Server {
    RpcServer server;

    @Setup(Level.Trial)
    public void start() throws IOException {
      JsonNode head = new ObjectMapper().readTree(HEAD);
      MethodRegistry v1 = new MethodRegistry();
      v1.register("Filecoin.ChainHead", Permission.READ, Params.none(), (ctx, args) -> head);
      server =
          RpcServer.builder(RpcServerConfig.defaults().withPort(0)).api(RpcServer.V1, v1).build();
      server.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
      server.close();
    }
  }

  /** One keep-alive connection per thread. */
  @State(Scope.Thread)
  public static class Connection {
    Socket socket;
    OutputStream out;
    InputStream in;
    byte[] request;

    @Setup(Level.Trial)
    public void open(Server s) throws IOException {
      socket = new Socket("127.0.0.1", s.server.port());
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
      byte[] body =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainHead\",\"params\":[]}"
              .getBytes(StandardCharsets.UTF_8);
      byte[] head =
          ("POST /rpc/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      request = new byte[head.length + body.length];
      System.arraycopy(head, 0, request, 0, head.length);
      System.arraycopy(body, 0, request, head.length, body.length);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      socket.close();
    }
  }

  @Benchmark
  public int chainHead(Connection c) throws IOException {
    c.out.write(c.request);
    c.out.flush();
    return readResponse(c.in);
  }

  /** Reads one response, returning its body length; fails on anything but 200. */
  private static int readResponse(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int contentLength = -1;
    boolean first = true;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\n') {
        if (b != '\r') {
          line.append((char) b);
        }
        continue;
      }
      if (line.length() == 0) {
        break;
      }
      String l = line.toString();
      if (first && !l.startsWith("HTTP/1.1 200")) {
        throw new IOException("unexpected status: " + l);
      }
      first = false;
      if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
        contentLength = Integer.parseInt(l.substring(15).trim());
      }
      line.setLength(0);
    }
    if (contentLength < 0) {
      throw new IOException("no content-length");
    }
    in.skipNBytes(contentLength);
    return contentLength;
  }
}
