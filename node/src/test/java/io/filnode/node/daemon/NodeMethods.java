package io.filnode.node.daemon;

import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.node.api.CommonApi;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.RpcMethod;
import io.filnode.rpc.auth.Jwt;
import java.util.Collection;
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
    return TestNode.apis(empty, new Wallet(null, null), new CommonApi("test", 30, () -> {}))
        .registry(new Jwt(new byte[32]), UUID.randomUUID(), false)
        .all();
  }
}
