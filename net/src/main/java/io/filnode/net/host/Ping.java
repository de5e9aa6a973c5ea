package io.filnode.net.host;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** ping ({@code /ipfs/ping/1.0.0}): 32 random bytes, echoed back, as often as the dialler likes. */
final class Ping {
  static final String PROTOCOL = "/ipfs/ping/1.0.0";
  static final int SIZE = 32;

  private Ping() {}

  static void register(Host host) {
    host.setStreamHandler(PROTOCOL, Ping::echo);
  }

  private static void echo(Stream s) {
    s.readExactly(SIZE)
        .whenComplete(
            (b, e) -> {
              if (e != null) {
                s.close(); // the dialler is done (or misbehaved): end quietly
                return;
              }
              s.write(b).thenRun(() -> echo(s));
            });
  }

  static CompletableFuture<Duration> ping(Connection c, SecureRandom random) {
    byte[] payload = new byte[SIZE];
    random.nextBytes(payload);
    return c.newStream(List.of(PROTOCOL))
        .thenCompose(
            s -> {
              long start = System.nanoTime();
              s.write(payload);
              return s.readExactly(SIZE)
                  .thenApply(
                      back -> {
                        long rtt = System.nanoTime() - start;
                        s.close();
                        if (!Arrays.equals(back, payload)) {
                          throw new CompletionException(
                              new StreamException("ping answer differs from what was sent"));
                        }
                        return Duration.ofNanos(rtt);
                      });
            });
  }
}
