package io.filnode.node.cli;

import io.filnode.node.daemon.Daemon;
import io.filnode.node.daemon.DaemonConfig;
import io.filnode.node.daemon.NetworkParams;
import io.filnode.node.daemon.NodeRepo;
import io.filnode.rpc.server.RpcServerConfig;
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
      description = "the network to join (default: ${DEFAULT-VALUE})")
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
      defaultValue = RpcServerConfig.DEFAULT_HOST + ":" + RpcServerConfig.DEFAULT_PORT,
      description = "where the JSON-RPC API listens (default: ${DEFAULT-VALUE}; port 0: any)")
  String api;

  @Override
  public Integer call() throws Exception {
    int colon = api.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--api '" + api + "': expected HOST:PORT");
    }
    String host = api.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(api.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--api '" + api + "': the port is not a number", e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--api '" + api + "': port out of range");
    }
    PrintWriter out = spec.commandLine().getOut();
    DaemonConfig config =
        new DaemonConfig(
            NodeRepo.at(repo),
            NetworkParams.forName(network),
            genesis,
            host,
            port,
            VersionCommand.versionLine());
    Daemon daemon = Daemon.start(config, out);
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
