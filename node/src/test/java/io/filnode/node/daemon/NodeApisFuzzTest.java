package io.filnode.node.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Network;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.testing.SharedData;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.node.api.ChainApi;
import io.filnode.node.api.ChainView;
import io.filnode.node.api.CommonApi;
import io.filnode.node.api.LogApi;
import io.filnode.node.api.NetApi;
import io.filnode.node.api.SyncApi;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.p2p.NodeHost;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.json.LotusJson;
import io.filnode.rpc.server.RpcServer;
import io.filnode.rpc.server.RpcServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log, sync, net and chain methods (ChainExport among them) behind the real server path, with a
 * real libp2p host on loopback: fuzzed bodies each get a well-formed answer, never the "method
 * threw" code 0.
 */
class NodeApisFuzzTest {
  private static final List<String> WRITER = List.of("read", "write", "sign");

  @TempDir Path tmp;

  @Test
  void fuzzedBodiesEachGetAWellFormedAnswer() throws Exception {
    MemoryBlockstore blocks = new MemoryBlockstore();
    CarImporter.Result res =
        CarImporter.importCar(
            CarImporter.Source.of(SharedData.require("genesis/mainnet.car.zst")), blocks, null);
    ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
    chain.setGenesis(chain.getBlock(res.roots().get(0)));
    MethodRegistry registry = new MethodRegistry();
    new CommonApi("test", 30, () -> {}).register(registry);
    new ChainApi(new ChainView(chain)).register(registry);
    new SyncApi().register(registry);
    ObjectMapper json = new ObjectMapper();
    try (NodeHost host =
        NodeHost.start(
            FsKeyStore.open(tmp.resolve("keystore"), Optional.empty()),
            List.of(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")),
            "test",
            new SecureRandom())) {
      new NetApi(host).register(registry);
      RpcServer server =
          RpcServer.builder(RpcServerConfig.defaults())
              .mapper(LotusJson.objectMapper(Network.MAINNET))
              .api(RpcServer.V1, registry)
              .build();
      NodeRpcFuzz fuzz = new NodeRpcFuzz(20261127L, new ArrayList<>(registry.all()));
      for (int i = 0; i < 20_000; i++) {
        byte[] body = fuzz.next();
        byte[] out = server.handle(RpcServer.V1, body, WRITER);
        if (out != null) {
          JsonNode r = json.readTree(out);
          for (JsonNode resp : r.isArray() ? r : List.of(r)) {
            NodeRpcFuzz.checkResponse(resp, new String(body, StandardCharsets.UTF_8));
          }
        }
      }
      server.close();
    } finally {
      for (String s : LogApi.SYSTEMS) {
        Logger.getLogger("io.filnode." + s).setLevel(null); // fuzzed LogSetLevel calls
      }
    }
  }
}
