package io.filnode.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Time from starting {@code filnode devnet} (a new JVM, as a user runs it) to its API answering
 * {@code Filecoin.ChainHead}: on a fresh repo (keys, genesis, then the API) and on a restart of the
 * same repo. Each run starts a process, polls the API every 10 ms, then stops the process with
 * SIGTERM; medians of the runs are printed.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.filnode.bench.DevnetStartupHarness [runs=5]
 * </pre>
 */
public final class DevnetStartupHarness {
  private static final String CHAIN_HEAD =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainHead\",\"params\":[]}";
  private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(3);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private DevnetStartupHarness() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    double[] fresh = new double[runs];
    double[] restart = new double[runs];
    for (int i = 0; i < runs; i++) {
      Path repo = Files.createTempDirectory("filnode-devnet-startup");
      fresh[i] = startAndMeasure(repo);
      restart[i] = startAndMeasure(repo);
      System.out.printf(
          Locale.ROOT, "run %d: fresh %.0f ms, restart %.0f ms%n", i + 1, fresh[i], restart[i]);
      deleteTree(repo);
    }
    System.out.printf(
        Locale.ROOT,
        "devnet to ChainHead, %d runs: fresh median %.0f ms (min %.0f, max %.0f);"
            + " restart median %.0f ms (min %.0f, max %.0f)%n",
        runs,
        median(fresh),
        min(fresh),
        max(fresh),
        median(restart),
        min(restart),
        max(restart));
  }

  /** Starts a devnet on {@code repo}; milliseconds until ChainHead answers; then stops it. */
  private static double startAndMeasure(Path repo) throws Exception {
    Files.deleteIfExists(repo.resolve("api"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.filnode.node.cli.Main");
    cmd.add("devnet");
    cmd.add("--repo");
    cmd.add(repo.toString());
    cmd.add("--api");
    cmd.add("127.0.0.1:0");
    Path log = repo.resolveSibling(repo.getFileName() + ".log");
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      while (true) {
        if (!p.isAlive() || System.nanoTime() - t0 > TIMEOUT_NANOS) {
          throw new IllegalStateException("the devnet did not answer:\n" + Files.readString(log));
        }
        if (Files.exists(repo.resolve("api")) && answersChainHead(repo)) {
          return (System.nanoTime() - t0) / 1e6;
        }
        Thread.sleep(10);
      }
    } finally {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Files.deleteIfExists(log);
    }
  }

  private static boolean answersChainHead(Path repo) throws InterruptedException {
    try {
      String[] parts = Files.readString(repo.resolve("api")).strip().split("/");
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://" + parts[2] + ":" + parts[4] + "/rpc/v1"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(CHAIN_HEAD, StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("\"Height\"");
    } catch (IOException | ArrayIndexOutOfBoundsException notYet) {
      return false; // the api file half written, or the server not accepting yet
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
