package io.filnode.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.rpc.json.LotusJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> READ = List.of("read");
  private final Dispatcher d =
      new Dispatcher(new TestApi().registry, LotusJson.objectMapper(), 16, CallObserver.NONE);

  private JsonNode call(String body) throws IOException {
    return call(body, READ);
  }

  private JsonNode call(String body, List<String> allow) throws IOException {
    Dispatcher.Reply r = d.handle(body.getBytes(StandardCharsets.UTF_8), allow, null);
    return r.body() == null ? null : JSON.readTree(JSON.writeValueAsBytes(r.body()));
  }

  private static String req(Object id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }

  @Test
  void answersResultsWithTheRequestId() throws IOException {
    assertThat(call(req(7, "Test.Add", "[40,2]")).toString())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":42}");
    assertThat(call(req("\"abc\"", "Test.read", "[]")).toString())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":\"ok read\"}");
    assertThat(call(req(1, "Test.Echo", "[{\"a\":[1,null]}]")).get("result").toString())
        .isEqualTo("{\"a\":[1,null]}");
    assertThat(call(req(1, "Test.Null", "null")).get("result").isNull()).isTrue();
    assertThat(
            call("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"Test.read\"}").get("result").asText())
        .isEqualTo("ok read");
  }

  @Test
  void tellsTheObserverOfCallsAndFailures() throws IOException {
    List<String> seen = new java.util.ArrayList<>();
    Dispatcher observed =
        new Dispatcher(
            new TestApi().registry,
            LotusJson.objectMapper(),
            16,
            (method, nanos, failed) -> seen.add(method + (failed ? " failed" : " ok")));
    observed.handle(req(1, "Test.Add", "[1,2]").getBytes(StandardCharsets.UTF_8), READ, null);
    observed.handle(req(2, "Test.Fail", "[]").getBytes(StandardCharsets.UTF_8), READ, null);
    observed.handle(req(3, "Test.Nope", "[]").getBytes(StandardCharsets.UTF_8), READ, null);
    assertThat(seen).containsExactly("Test.Add ok", "Test.Fail failed");
  }

  @Test
  void decodesLotusJsonParams() throws IOException {
    String cid = "bafy2bzacea3wsdh6y3a36tb3skempjoxqpuyompjbmfeyf34fi3uy6uue42v4";
    assertThat(call(req(1, "Test.CidString", "[{\"/\":\"" + cid + "\"}]")).get("result").asText())
        .isEqualTo(cid);
    JsonNode bad = call(req(1, "Test.CidString", "[{\"/\":\"bafyNOTACID\"}]"));
    assertThat(bad.get("error").get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void parseErrors() throws IOException {
    for (String body : new String[] {"", "{", "{\"a\":}", "[1,]", "nul", "{} {}", "\"\\u12\""}) {
      JsonNode r = call(body);
      assertThat(r.get("error").get("code").asInt()).as(body).isEqualTo(-32700);
      assertThat(r.get("id").isNull()).isTrue();
    }
  }

  @Test
  void nestingBeyondTheLimitIsAParseError() throws IOException {
    String deep = "[".repeat(17) + "]".repeat(17);
    assertThat(call(req(1, "Test.Echo", "[" + deep + "]")).get("error").get("code").asInt())
        .isEqualTo(-32700);
    String ok = "[".repeat(10) + "]".repeat(10);
    assertThat(call(req(1, "Test.Echo", "[" + ok + "]")).has("result")).isTrue();
  }

  @Test
  void invalidRequests() throws IOException {
    for (String body :
        new String[] {
          "1",
          "\"x\"",
          "null",
          "{}",
          "{\"jsonrpc\":\"2.0\",\"id\":1}",
          "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"Test.read\"}",
          "{\"id\":1,\"method\":\"Test.read\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}",
          "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"Test.read\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"Test.read\"}",
          "[]"
        }) {
      assertThat(call(body).get("error").get("code").asInt()).as(body).isEqualTo(-32600);
    }
  }

  @Test
  void unknownMethodsAsLotus() throws IOException {
    JsonNode r = call(req(4, "Filecoin.Nope", "[]"));
    assertThat(r.get("id").asInt()).isEqualTo(4);
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(r.get("error").get("message").asText())
        .isEqualTo("method 'Filecoin.Nope' not found");
  }

  @Test
  void invalidParams() throws IOException {
    JsonNode count = call(req(1, "Test.Add", "[1]"));
    assertThat(count.get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(count.get("error").get("message").asText())
        .isEqualTo("wrong param count (method 'Test.Add'): 1 != 2");
    for (String p : new String[] {"[1,\"x\"]", "[1,{}]", "[1,[2]]", "{\"a\":1}", "[1,1e999999]"}) {
      assertThat(call(req(1, "Test.Add", p)).get("error").get("code").asInt())
          .as(p)
          .isIn(-32602, -32700);
    }
    assertThat(call(req(1, "Test.Add", "[1,\"x\"]")).get("error").get("code").asInt())
        .isEqualTo(-32602);
  }

  @Test
  void handlerErrorsAsGoJsonrpc() throws IOException {
    JsonNode fail = call(req(1, "Test.Fail", "[]")).get("error");
    assertThat(fail.get("code").asInt()).isEqualTo(1);
    assertThat(fail.get("message").asText()).isEqualTo("it failed");
    JsonNode bug = call(req(1, "Test.Bug", "[]")).get("error");
    assertThat(bug.get("code").asInt()).isZero();
    assertThat(bug.get("message").asText()).startsWith("fatal error calling 'Test.Bug'");
  }

  @Test
  void permissionRefusalAsGoJsonrpcAuth() throws IOException {
    JsonNode r = call(req(1, "Test.write", "[]")).get("error");
    assertThat(r.get("code").asInt()).isEqualTo(1);
    assertThat(r.get("message").asText())
        .isEqualTo("missing permission to invoke 'write' (need 'write')");
    assertThat(call(req(1, "Test.write", "[]"), List.of("read", "write")).get("result").asText())
        .isEqualTo("ok write");
  }

  @Test
  void channelMethodsNeedAWebSocket() throws IOException {
    JsonNode r = call(req(1, "Test.Count", "[3]")).get("error");
    assertThat(r.get("code").asInt()).isEqualTo(-32601);
    assertThat(r.get("message").asText())
        .isEqualTo("method 'Test.Count' not supported in this mode (no out channel support)");
  }

  @Test
  void notificationsGetNoAnswer() throws IOException {
    assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"Test.read\",\"params\":[]}")).isNull();
    assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"Nope\"}")).isNull();
  }

  @Test
  void batches() throws IOException {
    JsonNode r =
        call(
            "["
                + req(1, "Test.Add", "[1,2]")
                + ",{\"jsonrpc\":\"2.0\",\"method\":\"Test.read\"},"
                + req(2, "Nope", "[]")
                + ",5]");
    assertThat(r.isArray()).isTrue();
    assertThat(r).hasSize(3);
    assertThat(r.get(0).get("result").asInt()).isEqualTo(3);
    assertThat(r.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(r.get(2).get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(call("[{\"jsonrpc\":\"2.0\",\"method\":\"Test.read\"}]")).isNull();
  }
}
