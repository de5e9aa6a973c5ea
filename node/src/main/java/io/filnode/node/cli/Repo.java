package io.filnode.node.cli;

import io.filnode.chain.blockstore.RocksBlockstore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a node's data lives: {@code --repo DIR}, by default {@code ~/.filnode}. */
final class Repo {
  /** The block cache of command-line tools (the daemon's size will come from config.toml). */
  static final long CLI_BLOCK_CACHE_BYTES = 256L << 20;

  /** The meta record naming the roots of the last completed CAR import. */
  static final String LAST_IMPORT_KEY = "car-import/last-roots";

  private Repo() {}

  static Path resolve(Path repo) {
    return repo != null ? repo : Path.of(System.getProperty("user.home"), ".filnode");
  }

  /** Opens (creating if needed) the repo's blockstore, for commands that write. */
  static RocksBlockstore openBlockstore(Path repo) {
    return RocksBlockstore.open(resolve(repo).resolve("datastore"), CLI_BLOCK_CACHE_BYTES);
  }

  /** Opens the repo's blockstore for commands that only read: it must exist already. */
  static RocksBlockstore openExistingBlockstore(Path repo) {
    Path datastore = resolve(repo).resolve("datastore");
    if (!Files.isDirectory(datastore)) {
      throw new IllegalArgumentException("no datastore at " + datastore + " (import a CAR first)");
    }
    return RocksBlockstore.open(datastore, CLI_BLOCK_CACHE_BYTES);
  }
}
