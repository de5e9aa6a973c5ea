package io.filnode.node.daemon;

import io.filnode.node.api.CommonApi;
import io.filnode.node.api.GasApi;
import io.filnode.node.api.MpoolApi;
import io.filnode.node.api.StateApi;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.RpcMethod;
import io.filnode.rpc.auth.Jwt;
import java.util.Collection;
import java.util.UUID;

/**
 * The methods the node registers, as {@link Daemon#registry} builds them, for tests that must cover
 * every one of them without a hand-written list. The handlers are wired to nothing: use the
 * registry for names, permissions and parameter types only.
 */
final class NodeMethods {
  private NodeMethods() {}

  static Collection<RpcMethod> all() {
    MethodRegistry r =
        Daemon.registry(
            new Jwt(new byte[32]),
            UUID.randomUUID(),
            new CommonApi("test", 30, () -> {}),
            null,
            new StateApi(null, NetworkParams.MAINNET.versions()),
            new Wallet(null, null),
            new MpoolApi(null, null, null, null),
            new GasApi(null, null));
    return r.all();
  }
}
