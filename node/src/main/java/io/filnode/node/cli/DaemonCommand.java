package io.filnode.node.cli;

import io.filnode.node.config.ListenAddress;
import io.filnode.node.config.NodeConfig;
import io.filnode.node.config.NodeConfigFile;
import io.filnode.node.daemon.Daemon;
import io.filnode.node.daemon.DaemonConfig;
import io.filnode.node.daemon.NetworkParams;
import io.filnode.node.daemon.NodeRepo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code filnode daemon}: runs the node until SIGTERM, Ctrl-C or {@code Filecoin.Shutdown}. */
@Command(name = "daemon", description = "Run the node: chain store, wallet and JSON-RPC API.")
public final class DaemonCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--network",
      paramLabel = "NAME",
      defaultValue = "mainnet",
      description =
          "the network: mainnet, or devnet to reopen a repo made by `filnode devnet`"
              + " (default: ${DEFAULT-VALUE})")
  String network;

  @Option(
      names = "--genesis",
      paramLabel = "FILE",
      description = "the genesis CAR (plain, .zst or .gz); needed on the first start")
  Path genesis;

  @Option(names = "--repo", paramLabel = "DIR", description = "the repo (default: ~/.filnode)")
  Path repo;

  @Option(
      names = "--api",
      paramLabel = "HOST:PORT",
      description =
          "where the JSON-RPC API listens, HOST:PORT or a multiaddr; overrides [API] ListenAddress"
              + " in config.toml (default there: 127.0.0.1:1234; port 0: any)")
  String api;

  @Override
  public Integer call() throws Exception {
    // flags are checked first so that a bad one is reported before the repo is touched
    NetworkParams params = NetworkParams.forName(network);
    NodeRepo nodeRepo = NodeRepo.at(repo);
    ListenAddress apiFlag = null;
    if (api != null) {
      try {
        apiFlag = ListenAddress.parse(api);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--api " + e.getMessage(), e);
      }
    }
    if (params.isDevnet() && genesis != null) {
      throw new IllegalArgumentException("--genesis: a devnet builds its own genesis");
    }
    NodeConfig node = NodeConfigFile.load(nodeRepo.root());
    if (apiFlag != null) {
      node = node.withListenAddress(apiFlag);
    }
    DaemonConfig config =
        new DaemonConfig(nodeRepo, params, genesis, node, VersionCommand.versionLine());
    return run(Daemon.start(config, spec.commandLine().getOut()), spec);
  }

  /** Runs a started daemon until it stops: SIGTERM or Ctrl-C (the hook), or Shutdown. */
  static int run(Daemon daemon, CommandLine.Model.CommandSpec spec) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Thread hook = new Thread(daemon::close, "shutdown-hook");
    Runtime.getRuntime().addShutdownHook(hook);
    daemon.awaitShutdown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // SIGTERM: the hook is running and has closed the daemon
    }
    out.println("daemon stopped");
    out.flush();
    return 0;
  }
}
