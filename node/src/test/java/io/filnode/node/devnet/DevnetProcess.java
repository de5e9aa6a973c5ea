package io.filnode.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.client.HttpRpcClient;
import io.filnode.rpc.json.LotusJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code filnode devnet} in its own JVM on a test repo, with the API on a free loopback port and
 * one second blocks. {@link #start} returns once the repo's {@code api} file says where it listens.
 */
public final class DevnetProcess implements AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 120;

  private final Process process;
  private final Path repo;
  private final Path log;

  private DevnetProcess(Process process, Path repo, Path log) {
    this.process = process;
    this.repo = repo;
    this.log = log;
  }

  /** The command that starts a devnet on {@code repo} (created on the first start). */
  public static List<String> command(Path repo, String classPath) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add("io.filnode.node.cli.Main");
    cmd.add("devnet");
    cmd.add("--repo");
    cmd.add(repo.toString());
    cmd.add("--api");
    cmd.add("127.0.0.1:0");
    cmd.add("--block-time");
    cmd.add("1");
    return cmd;
  }

  /** Starts a devnet on {@code repo}, its output going to a new file in {@code logDir}. */
  public static DevnetProcess start(Path repo, Path logDir) throws Exception {
    Files.deleteIfExists(repo.resolve("api"));
    Path log = Files.createTempFile(logDir, "devnet", ".log");
    Process p =
        new ProcessBuilder(command(repo, System.getProperty("java.class.path")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (!Files.exists(repo.resolve("api"))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new AssertionError("the devnet did not start:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
    return new DevnetProcess(p, repo, log);
  }

  public Process process() {
    return process;
  }

  public Path repo() {
    return repo;
  }

  /** What the process printed so far. */
  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** {@code host:port} of the API, from the repo's {@code api} multiaddr. */
  public String hostPort() throws IOException {
    // /ip4/127.0.0.1/tcp/PORT/http
    String[] parts = Files.readString(repo.resolve("api")).strip().split("/");
    return parts[2] + ":" + parts[4];
  }

  /** The admin token the devnet wrote. */
  public String adminToken() throws IOException {
    return Files.readString(repo.resolve("token")).strip();
  }

  /** An HTTP client of the v1 API with the admin token. */
  public HttpRpcClient admin() throws IOException {
    return HttpRpcClient.connect(
        URI.create("http://" + hostPort() + "/rpc/v1"),
        adminToken(),
        LotusJson.objectMapper(),
        Duration.ofSeconds(120));
  }

  /** {@code Filecoin.ChainHead}'s height. */
  public static long headHeight(HttpRpcClient c) throws RpcException, IOException {
    return c.call("Filecoin.ChainHead", JsonNode.class).get("Height").asLong();
  }

  /** SIGKILL, and waits for the process to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
