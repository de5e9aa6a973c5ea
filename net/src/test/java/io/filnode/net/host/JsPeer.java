package io.filnode.net.host;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The js-libp2p peer from {@code ../shared/interop}, driven over its JSON-lines stdin/stdout. */
public final class JsPeer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String installed;

  private final Process process;
  private final Writer in;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();
  public final JsonNode listening;

  /** ../shared, as the build passes it; fails in CI and skips elsewhere when missing. */
  static Path shared() {
    String prop = System.getProperty("filnode.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
    if (!Files.isDirectory(p.resolve("interop"))) {
      String why = "missing test data " + p.resolve("interop").toAbsolutePath();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      assumeTrue(false, why);
    }
    return p;
  }

  public static synchronized String install() throws IOException, InterruptedException {
    if (installed == null) {
      Process p =
          new ProcessBuilder(
                  "bash", shared().resolve("interop/install.sh").toString(), "target/interop")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        throw new AssertionError("interop install failed");
      }
      installed = out;
    }
    return installed;
  }

  JsPeer(String muxer, int seconds) throws Exception {
    this(muxer, List.of("--muxer", muxer, "--no-dht", "--seconds", Integer.toString(seconds)));
  }

  /** A js-peer listening on loopback with further command-line {@code args}. */
  public JsPeer(String tag, List<String> args) throws Exception {
    String dir = install();
    List<String> cmd = new ArrayList<>(List.of("node", dir + "/js-peer.mjs"));
    cmd.addAll(List.of("--listen", "/ip4/127.0.0.1/tcp/0"));
    cmd.addAll(args);
    process =
        new ProcessBuilder(cmd).redirectError(new File("target/js-peer-" + tag + ".err")).start();
    in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread t =
        new Thread(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  events.add(JSON.readTree(line));
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "js-peer-reader");
    t.setDaemon(true);
    t.start();
    listening = await(e -> "listening".equals(e.path("event").asText()), 30);
  }

  public String peerId() {
    return listening.get("peerId").asText();
  }

  public String addr() {
    return listening.get("addrs").get(0).asText();
  }

  public void send(String json) throws IOException {
    in.write(json + "\n");
    in.flush();
  }

  /** Waits for an event matching {@code p} (also among those already seen). */
  public JsonNode await(Predicate<JsonNode> p, int seconds) throws InterruptedException {
    for (JsonNode e : seen) {
      if (p.test(e)) {
        return e;
      }
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = end - System.nanoTime();
      JsonNode e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
      if (e == null) {
        throw new AssertionError("js-peer event not seen in " + seconds + " s; saw " + seen);
      }
      seen.add(e);
      if (p.test(e)) {
        return e;
      }
    }
  }

  public static Predicate<JsonNode> event(String name) {
    return e -> name.equals(e.path("event").asText());
  }

  @Override
  public void close() throws Exception {
    try {
      send("{\"exit\":true}");
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
