package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.net.host.Connection;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.node.api.NetApi;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.p2p.NodeHost;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.json.LotusJson;
import io.filnode.rpc.server.RpcServer;
import io.filnode.rpc.server.RpcServerConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code net listen} and {@code net peers} against an API server holding a real host. */
class NetCommandsTest {
  @TempDir Path tmp;

  private NodeHost host(String name) throws Exception {
    return NodeHost.start(
        FsKeyStore.open(tmp.resolve(name), Optional.empty()),
        List.of(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")),
        "test",
        new SecureRandom());
  }

  @Test
  void listenAndPeersPrintAsLotus() throws Exception {
    try (NodeHost a = host("a");
        NodeHost b = host("b")) {
      MethodRegistry r = new MethodRegistry();
      new NetApi(a).register(r);
      RpcServer server =
          RpcServer.builder(RpcServerConfig.defaults().withHost("127.0.0.1").withPort(0))
              .mapper(LotusJson.objectMapper())
              .api(RpcServer.V1, r)
              .build();
      server.start();
      try {
        String api = "127.0.0.1:" + server.port();
        Multiaddr listen = a.listenAddrs().get(0);
        CliRun run = CliRun.run("", "net", "listen", "--api", api);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(listen + "/p2p/" + a.peerId() + "\n");

        assertThat(CliRun.run("", "net", "peers", "--api", api).out()).isEmpty();
        Multiaddr bAddr = b.listenAddrs().get(0);
        Connection c = a.host().dial(bAddr.withPeerId(b.peerId())).get(30, TimeUnit.SECONDS);
        assertThat(c.isOpen()).isTrue();
        run = CliRun.run("", "net", "peers", "--api", api);
        assertThat(run.out()).isEqualTo(b.peerId() + ", [" + bAddr + "]\n");
        assertThat(CliRun.run("", "net", "peers", "--json", "--api", api).out())
            .contains("\"ID\" : \"" + b.peerId() + "\"");
      } finally {
        server.close();
      }
    }
  }
}
