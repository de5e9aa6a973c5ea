package io.filnode.node.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code filnode daemon} in its own JVM on a test repo, started as {@link DaemonIT} starts it:
 * {@link #start} returns once the repo's {@code api} file says where it listens.
 */
final class DaemonProcess implements AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 120;

  final Process process;
  final Path repo;
  final Path log;

  private DaemonProcess(Process process, Path repo, Path log) {
    this.process = process;
    this.repo = repo;
    this.log = log;
  }

  /** Starts a daemon on {@code repo}, importing {@code genesis} (null: the repo has a chain). */
  static DaemonProcess start(Path repo, Path genesis, Path logDir) throws Exception {
    Files.deleteIfExists(repo.resolve("api"));
    Path config = repo.resolve("config.toml");
    if (!Files.exists(config)) { // tests keep libp2p on loopback
      Files.createDirectories(repo);
      Files.writeString(config, "[Libp2p]\nListenAddresses = [\"/ip4/127.0.0.1/tcp/0\"]\n");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.filnode.node.cli.Main");
    cmd.add("daemon");
    cmd.add("--repo");
    cmd.add(repo.toString());
    cmd.add("--api");
    cmd.add("127.0.0.1:0");
    if (genesis != null) {
      cmd.add("--genesis");
      cmd.add(genesis.toString());
    }
    Path log = Files.createTempFile(logDir, "daemon", ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (!Files.exists(repo.resolve("api"))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new AssertionError("the daemon did not start:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return new DaemonProcess(p, repo, log);
  }

  /** The admin token the daemon wrote. */
  String adminToken() throws IOException {
    return Files.readString(repo.resolve("token")).strip();
  }

  /** {@code host:port} of the API, from the repo's {@code api} multiaddr. */
  String hostPort() throws IOException {
    // /ip4/127.0.0.1/tcp/PORT/http
    String[] parts = Files.readString(repo.resolve("api")).strip().split("/");
    return parts[2] + ":" + parts[4];
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
