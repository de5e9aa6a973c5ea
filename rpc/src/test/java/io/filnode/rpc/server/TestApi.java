package io.filnode.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.chain.cid.Cid;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import java.util.concurrent.CountDownLatch;

/** Methods for the transport tests: one per permission, typed params, failures and channels. */
final class TestApi {
  /** Set when {@code Test.Forever}'s producer saw the cancel. */
  final CountDownLatch foreverCancelled = new CountDownLatch(1);

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
    registry.registerChannel(
        "Test.Forever",
        Permission.READ,
        Params.none(),
        (ctx, a, out) -> {
          out.onCancel(foreverCancelled::countDown);
          out.send("first"); // sent before the channel id: must arrive after it
          Thread t =
              new Thread(
                  () -> {
                    for (long i = 0; !out.isClosed(); i++) {
                      out.send(i);
                      try {
                        Thread.sleep(1);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
          t.setDaemon(true);
          t.start();
        });
    registry.registerChannel(
        "Test.AdminFeed", Permission.ADMIN, Params.none(), (ctx, a, out) -> out.close());
  }
}
