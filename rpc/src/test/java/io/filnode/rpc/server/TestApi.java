package io.filnode.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.chain.cid.Cid;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;

/** Methods for the transport tests: one per permission, typed params, failures and a channel. */
final class TestApi {
  final MethodRegistry registry = new MethodRegistry();

  TestApi() {
    for (Permission p : Permission.values()) {
      registry.register(
          "Test." + p.lotusName(), p, Params.none(), (ctx, args) -> "ok " + p.lotusName());
    }
    registry.register(
        "Test.Add",
        Permission.READ,
        Params.of(Long.class, Long.class),
        (ctx, a) -> a.get(0, Long.class) + a.get(1, Long.class));
    registry.register(
        "Test.Echo", Permission.READ, Params.raw(1), (ctx, a) -> a.get(0, JsonNode.class));
    registry.register(
        "Test.CidString",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) -> a.get(0, Cid.class).toString());
    registry.register(
        "Test.Fail",
        Permission.READ,
        Params.none(),
        (ctx, a) -> {
          throw new RpcException("it failed");
        });
    registry.register(
        "Test.Bug",
        Permission.READ,
        Params.none(),
        (ctx, a) -> {
          throw new IllegalStateException("a bug");
        });
    registry.register("Test.Null", Permission.READ, Params.none(), (ctx, a) -> null);
    registry.registerChannel(
        "Test.Count",
        Permission.READ,
        Params.of(Integer.class),
        (ctx, a, out) -> {
          int n = a.get(0, Integer.class);
          if (n < 0) {
            throw new RpcException("negative count");
          }
          Thread t =
              new Thread(
                  () -> {
                    for (int i = 0; i < n; i++) {
                      out.send(i);
                    }
                    out.close();
                  });
          t.start();
        });
  }
}
