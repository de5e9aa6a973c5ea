package io.filnode.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Network;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.testing.SharedData;
import io.filnode.node.api.CommonApi;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.auth.Jwt;
import io.filnode.rpc.json.LotusJson;
import io.filnode.rpc.server.RpcServer;
import io.filnode.rpc.server.RpcServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's real method registry (on the mainnet genesis, in memory) behind {@link
 * RpcServer#handle}, the path an HTTP POST takes minus the socket: bad input gets JSON-RPC errors
 * in go-jsonrpc's shape, and 100,000 fuzzed bodies each get a well-formed answer.
 */
class NodeRpcFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> WRITER = List.of("read", "write", "sign");

  @TempDir Path tmp;
  private RpcServer server;
  private MethodRegistry registry;
  private final AtomicInteger shutdowns = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    MemoryBlockstore blocks = new MemoryBlockstore();
    Path car = SharedData.require("genesis/mainnet.car.zst");
    CarImporter.Result res = CarImporter.importCar(CarImporter.Source.of(car), blocks, null);
    ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
    chain.setGenesis(chain.getBlock(res.roots().get(0)));
    Wallet wallet =
        new Wallet(FsKeyStore.open(tmp.resolve("keystore"), Optional.empty()), new SecureRandom());
    registry =
        TestNode.apis(chain, wallet, new CommonApi("test", 30, shutdowns::incrementAndGet))
            .registry(new Jwt(new byte[32]), UUID.randomUUID(), false);
    server =
        RpcServer.builder(RpcServerConfig.defaults())
            .mapper(LotusJson.objectMapper(Network.MAINNET))
            .api(RpcServer.V1, registry)
            .build();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private JsonNode call(String body, List<String> allow) throws Exception {
    byte[] out = server.handle(RpcServer.V1, body.getBytes(StandardCharsets.UTF_8), allow);
    return out == null ? null : JSON.readTree(out);
  }

  private JsonNode error(String body) throws Exception {
    JsonNode r = call(body, WRITER);
    NodeRpcFuzz.checkResponse(r, body);
    assertThat(r.has("error")).as(body).isTrue();
    return r;
  }

  private void assertChainHeadAnswers() throws Exception {
    JsonNode r =
        call(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainHead\",\"params\":[]}",
            WRITER);
    assertThat(r.get("result").get("Height").asLong()).isZero();
  }

  @Test
  void badInputGetsJsonRpcErrors() throws Exception {
    JsonNode parse = error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    assertThat(parse.get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(parse.get("id").isNull()).isTrue();

    assertThat(error("42").get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(error("[]").get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(
            error("{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"Filecoin.ChainHead\"}")
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(-32600);

    JsonNode unknown = error("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"Filecoin.NoSuch\"}");
    assertThat(unknown.get("id").asInt()).isEqualTo(5);
    assertThat(unknown.get("error").get("code").asInt()).isEqualTo(-32601);

    JsonNode count =
        error("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"Filecoin.ChainHead\",\"params\":[1]}");
    assertThat(count.get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(count.get("error").get("message").asText())
        .isEqualTo("wrong param count (method 'Filecoin.ChainHead'): 1 != 0");

    JsonNode type =
        error(
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"Filecoin.ChainGetTipSetByHeight\","
                + "\"params\":[\"high\",null]}");
    assertThat(type.get("error").get("code").asInt()).isEqualTo(-32602);
    JsonNode cid =
        error(
            "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"Filecoin.ChainGetBlock\","
                + "\"params\":[{\"/\":\"not a cid\"}]}");
    assertThat(cid.get("error").get("code").asInt()).isEqualTo(-32602);

    String deep =
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"Filecoin.ChainGetBlock\",\"params\":["
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "]}";
    assertThat(error(deep).get("error").get("code").asInt()).isEqualTo(-32700);

    JsonNode batch =
        call(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainHead\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"Filecoin.Nope\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.ChainHead\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"Filecoin.StateGetActor\","
                + "\"params\":[1,null]},"
                + "7]",
            WRITER);
    assertThat(batch.isArray()).isTrue();
    assertThat(batch).hasSize(4);
    assertThat(batch.get(0).get("result").get("Height").asLong()).isZero();
    assertThat(batch.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(batch.get(2).get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(batch.get(3).get("error").get("code").asInt()).isEqualTo(-32600);

    assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.ChainHead\"}", WRITER)).isNull();
    assertChainHeadAnswers();
  }

  @Test
  void hundredThousandFuzzedBodiesEachGetAWellFormedAnswer() throws Exception {
    NodeRpcFuzz fuzz = new NodeRpcFuzz(20261127L, new ArrayList<>(registry.all()));
    Map<Integer, Integer> codes = new HashMap<>();
    int results = 0;
    for (int i = 0; i < 100_000; i++) {
      byte[] body = fuzz.next();
      byte[] out = server.handle(RpcServer.V1, body, WRITER);
      if (out == null) {
        continue; // only notifications
      }
      String what = new String(body, StandardCharsets.UTF_8);
      JsonNode r = JSON.readTree(out);
      for (JsonNode resp : r.isArray() ? r : List.of(r)) {
        NodeRpcFuzz.checkResponse(resp, what);
        if (resp.has("error")) {
          codes.merge(resp.get("error").get("code").asInt(), 1, Integer::sum);
        } else {
          results++;
        }
      }
    }
    // the generator reaches every kind of failure, permission refusals among them, and successes
    assertThat(codes.keySet()).as("%s", codes).containsAll(NodeRpcFuzz.EXPECTED_CODES);
    assertThat(results).isGreaterThan(10_000);
    assertThat(shutdowns).hasValue(0);
    assertChainHeadAnswers();
  }
}
