package io.filnode.node.daemon;

import java.nio.file.Path;

/**
 * What {@code filnode daemon} is started with.
 *
 * @param repo the repo directory
 * @param network the network parameters
 * @param genesis the genesis CAR (plain, zstd or gzip); needed on first start only
 * @param apiHost the JSON-RPC listen host
 * @param apiPort the JSON-RPC listen port (0 picks a free one)
 * @param version the version string {@code Filecoin.Version} answers
 */
public record DaemonConfig(
    NodeRepo repo,
    NetworkParams network,
    Path genesis,
    String apiHost,
    int apiPort,
    String version) {}
