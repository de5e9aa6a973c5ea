package io.filnode.node.daemon;

import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.node.api.CommonApi;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.p2p.NodeHost;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.RpcMethod;
import io.filnode.rpc.auth.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The methods the node registers on {@code /rpc/v1}, as {@link NodeApis#registry} builds them, for
 * tests that must cover every one of them without a hand-written list. The handlers sit on an empty
 * chain: use the registry for names, permissions and parameter types only.
 */
final class NodeMethods {
  private NodeMethods() {}

  static Collection<RpcMethod> all() {
    ChainStore empty = new ChainStore(new MemoryBlockstore(), new MemoryChainMetadata());
    Path keys;
    try {
      keys = Files.createTempDirectory("node-methods");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a real host on loopback, closed at once: the registry is used for names and types only
    try (NodeHost host =
        NodeHost.start(
            FsKeyStore.open(keys.resolve("keystore"), Optional.empty()),
            List.of(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")),
            "test",
            new SecureRandom())) {
      return TestNode.apis(empty, new Wallet(null, null), new CommonApi("test", 30, () -> {}), host)
          .registry(new Jwt(new byte[32]), UUID.randomUUID(), false)
          .all();
    } catch (Exception e) {
      throw new IllegalStateException("starting a loopback libp2p host: " + e.getMessage(), e);
    }
  }
}
