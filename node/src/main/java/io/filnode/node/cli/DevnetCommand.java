package io.filnode.node.cli;

import io.filnode.node.config.ListenAddress;
import io.filnode.node.config.NodeConfig;
import io.filnode.node.config.NodeConfigFile;
import io.filnode.node.daemon.Daemon;
import io.filnode.node.daemon.DaemonConfig;
import io.filnode.node.daemon.DevnetOptions;
import io.filnode.node.daemon.DevnetSettings;
import io.filnode.node.daemon.NetworkParams;
import io.filnode.node.daemon.NodeRepo;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code filnode devnet}: a local Filecoin network in one process. The first start on a repo
 * creates the devnet (keys, genesis); later starts with the same repo reopen it. Runs until
 * SIGTERM, Ctrl-C or {@code Filecoin.Shutdown}.
 */
@Command(
    name = "devnet",
    description =
        "Run a local devnet: a funded wallet, genesis miners mining blocks with mock proofs, and the"
            + " JSON-RPC API.")
public final class DevnetCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "the repo (default: ~/.filnode); the devnet is created in it on the first start; a"
              + " repo holding another network's chain is refused")
  Path repo;

  @Option(
      names = "--miners",
      paramLabel = "N",
      defaultValue = "1",
      description = "genesis miners, on creation (default: ${DEFAULT-VALUE})")
  int miners;

  @Option(
      names = "--block-time",
      paramLabel = "S",
      defaultValue = "" + NetworkParams.DEVNET_BLOCK_DELAY_SECS,
      description = "seconds per epoch, on creation (default: ${DEFAULT-VALUE})")
  long blockTime;

  @Option(
      names = "--api",
      paramLabel = "HOST:PORT",
      description =
          "where the JSON-RPC API listens, HOST:PORT or a multiaddr; overrides [API] ListenAddress"
              + " in config.toml (default there: 127.0.0.1:1234; port 0: any)")
  String api;

  @Override
  public Integer call() throws Exception {
    NodeRepo nodeRepo = NodeRepo.at(repo);
    // flags are checked first so that a bad one is reported before the repo is touched
    DevnetOptions options = new DevnetOptions(miners, blockTime);
    ListenAddress apiFlag = null;
    if (api != null) {
      try {
        apiFlag = ListenAddress.parse(api);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--api " + e.getMessage(), e);
      }
    }
    checkAgainstExisting(nodeRepo);
    NodeConfig node = NodeConfigFile.load(nodeRepo.root());
    if (apiFlag != null) {
      node = node.withListenAddress(apiFlag);
    }
    DaemonConfig config =
        new DaemonConfig(
            nodeRepo, NetworkParams.DEVNET, null, node, VersionCommand.versionLine(), options);
    return DaemonCommand.run(Daemon.start(config, spec.commandLine().getOut()), spec);
  }

  /**
   * A repo that holds a devnet keeps its miners and block time: a flag given with another value is
   * refused rather than silently ignored.
   */
  private void checkAgainstExisting(NodeRepo nodeRepo) throws Exception {
    Optional<DevnetSettings> existing = DevnetSettings.read(nodeRepo);
    if (existing.isEmpty()) {
      return;
    }
    DevnetSettings s = existing.get();
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--miners") && miners != s.miners().size()) {
      throw new IllegalArgumentException(
          "--miners "
              + miners
              + ": the devnet in "
              + nodeRepo.root()
              + " was created with "
              + s.miners().size());
    }
    if (parsed.hasMatchedOption("--block-time") && blockTime != s.blockDelaySecs()) {
      throw new IllegalArgumentException(
          "--block-time "
              + blockTime
              + ": the devnet in "
              + nodeRepo.root()
              + " was created with "
              + s.blockDelaySecs());
    }
  }
}
