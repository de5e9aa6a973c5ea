package io.filnode.node.daemon;

import io.filnode.node.config.NodeConfig;
import java.nio.file.Path;

/**
 * What {@code filnode daemon} is started with.
 *
 * @param repo the repo directory
 * @param network the network parameters
 * @param genesis the genesis CAR (plain, zstd or gzip); needed on first start only
 * @param node the settings from {@code config.toml}, with the flags applied over them
 * @param version the version string {@code Filecoin.Version} answers
 * @param devnet how to create a devnet when the repo has none ({@code filnode devnet}); null: a
 *     devnet repo is only reopened ({@code filnode daemon --network devnet})
 */
public record DaemonConfig(
    NodeRepo repo,
    NetworkParams network,
    Path genesis,
    NodeConfig node,
    String version,
    DevnetOptions devnet) {

  /** A config that creates no devnet. */
  public DaemonConfig(
      NodeRepo repo, NetworkParams network, Path genesis, NodeConfig node, String version) {
    this(repo, network, genesis, node, version, null);
  }
}
