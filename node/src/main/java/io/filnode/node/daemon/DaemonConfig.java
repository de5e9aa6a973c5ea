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
 */
public record DaemonConfig(
    NodeRepo repo, NetworkParams network, Path genesis, NodeConfig node, String version) {}
