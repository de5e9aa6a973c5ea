package io.filnode.bench;

import io.filnode.net.host.Connection;
import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.host.Stream;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.mux.YamuxHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * yamux over Noise over loopback TCP between two hosts in one JVM: one stream carrying 64 MiB (MB/s
 * = 64 / seconds per op), and 1,000 concurrent streams carrying 64 KiB each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class YamuxThroughputBenchmark {
  static final String SINK = "/bench/sink/1.0.0";
  static final int CHUNK = 256 * 1024;
  static final long SINGLE_BYTES = 64L << 20;
  static final int STREAMS = 1000;
  static final int PER_STREAM = 64 * 1024;

  Host server;
  Host client;
  Connection conn;
  final AtomicLong received = new AtomicLong();
  volatile CompletableFuture<Void> done;
  volatile long target;
  ByteBuf chunk;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    SecureRandom r = new SecureRandom();
    server =
        new Host(
            HostConfig.defaults(Ed25519Keys.generate(r))
                .withMuxers(List.of(YamuxHandler.PROTOCOL_ID)));
    client =
        new Host(
            HostConfig.defaults(Ed25519Keys.generate(r))
                .withMuxers(List.of(YamuxHandler.PROTOCOL_ID)));
    server.setStreamHandler(SINK, this::drain);
    Multiaddr addr = server.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get();
    conn = client.dial(addr.withPeerId(server.peerId())).get(10, TimeUnit.SECONDS);
    byte[] data = new byte[CHUNK];
    r.nextBytes(data);
    chunk = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(data));
  }

  private void drain(Stream s) {
    s.read()
        .whenComplete(
            (b, e) -> {
              if (b == null) {
                s.close();
                return;
              }
              int n = b.readableBytes();
              b.release();
              if (received.addAndGet(n) >= target) {
                done.complete(null);
              }
              drain(s);
            });
  }

  private CompletableFuture<Void> expect(long bytes) {
    received.set(0);
    target = bytes;
    done = new CompletableFuture<>();
    return done;
  }

  @Benchmark
  public void singleStream64MiB() throws Exception {
    CompletableFuture<Void> f = expect(SINGLE_BYTES);
    Stream s = conn.newStream(List.of(SINK)).get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> last = null;
    for (long sent = 0; sent < SINGLE_BYTES; sent += CHUNK) {
      last = s.write(chunk.duplicate());
      if ((sent / CHUNK) % 16 == 15) {
        last.get(30, TimeUnit.SECONDS); // keep at most ~4 MiB queued
      }
    }
    last.get(30, TimeUnit.SECONDS);
    f.get(60, TimeUnit.SECONDS);
    s.close();
  }

  @Benchmark
  public void thousandConcurrentStreams() throws Exception {
    CompletableFuture<Void> f = expect((long) STREAMS * PER_STREAM);
    List<CompletableFuture<Void>> writes = new ArrayList<>(STREAMS);
    for (int i = 0; i < STREAMS; i++) {
      writes.add(
          conn.newStream(List.of(SINK))
              .thenCompose(
                  s ->
                      s.write(chunk.retainedSlice(0, PER_STREAM))
                          .thenCompose(v -> s.closeWrite())));
    }
    CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
    f.get(60, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    server.close();
  }
}
