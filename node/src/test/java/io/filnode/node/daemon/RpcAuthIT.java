package io.filnode.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.testing.SharedData;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;
import io.filnode.rpc.client.ChannelListener;
import io.filnode.rpc.client.ClientChannel;
import io.filnode.rpc.client.HttpRpcClient;
import io.filnode.rpc.client.WsRpcClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RPC surface of a real daemon process under hostile callers: every method the node registers
 * (from {@link Daemon#registry}) against every kind of caller, each allowed or refused exactly as
 * Lotus v1.10.0's reference gives the method's permission (membership in the token's Allow list; no
 * token means read; a bad signature or {@code alg: none} means HTTP 401); then bad and fuzzed
 * bodies over HTTP, after which the node still answers; the last test shuts it down with an admin
 * token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RpcAuthIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String SHUTDOWN = "Filecoin.Shutdown";
  private static final List<String> ALL = List.of("read", "write", "sign", "admin");

  @TempDir static Path tmp;
  private static DaemonProcess daemon;
  private static HttpClient http;
  private static List<RpcMethod> methods;

  /** A kind of caller: its token (null: none) and the Allow list the node must apply. */
  private record Caller(String name, String token, List<String> allow) {
    boolean unauthorized() {
      return allow == null;
    }
  }

  private static final List<Caller> callers = new ArrayList<>();

  @BeforeAll
  static void startDaemon() throws Exception {
    daemon =
        DaemonProcess.start(
            tmp.resolve("repo"),
            SharedData.require("genesis/mainnet.car.zst").toAbsolutePath(),
            tmp);
    http = HttpClient.newHttpClient();
    methods = new ArrayList<>(NodeMethods.all());
    String admin = daemon.adminToken();
    callers.add(new Caller("no token", null, List.of("read")));
    try (HttpRpcClient c = HttpRpcClient.connect(uri("http", "/rpc/v1"), admin)) {
      for (String perm : ALL) {
        byte[] t = c.call("Filecoin.AuthNew", byte[].class, List.of(perm));
        callers.add(new Caller(perm, new String(t, StandardCharsets.US_ASCII), List.of(perm)));
      }
      // what `auth create-token --perm write` hands out: the permission and those below it
      byte[] t = c.call("Filecoin.AuthNew", byte[].class, List.of("read", "write"));
      callers.add(
          new Caller(
              "read+write", new String(t, StandardCharsets.US_ASCII), List.of("read", "write")));
    }
    callers.add(new Caller("daemon's admin", admin, ALL));
    callers.add(new Caller("bad signature", tamperSignature(admin), null));
    callers.add(new Caller("alg none", algNone(), null));
  }

  @AfterAll
  static void stopDaemon() throws InterruptedException {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static URI uri(String scheme, String path) throws IOException {
    return URI.create(scheme + "://" + daemon.hostPort() + path);
  }

  /** The token with the first character of its signature changed (6 bits, never padding). */
  private static String tamperSignature(String token) {
    int dot = token.lastIndexOf('.');
    char c = token.charAt(dot + 1);
    return token.substring(0, dot + 1) + (c == 'A' ? 'B' : 'A') + token.substring(dot + 2);
  }

  /** An unsigned token claiming every permission. */
  private static String algNone() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(
            "{\"Allow\":[\"read\",\"write\",\"sign\",\"admin\"]}".getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  /** Lotus's permission per method for {@code api} ("v1" or "v0"). */
  private static Map<String, String> lotusPermissions(String api) throws IOException {
    JsonNode root =
        JSON.readTree(SharedData.require("rpc/lotus-v1.10.0-api-" + api + ".json").toFile());
    Map<String, String> out = new HashMap<>();
    for (JsonNode m : root.get("methods")) {
      out.put("Filecoin." + m.get("name").asText(), m.get("perm").asText());
    }
    return out;
  }

  /** A call of {@code m} whose parameters all decode: null for each (every type takes null). */
  private static String request(RpcMethod m, int id) {
    ObjectNode r = NODES.objectNode();
    r.put("jsonrpc", "2.0");
    r.put("id", id);
    r.put("method", m.name());
    ArrayNode params = r.putArray("params");
    for (int i = 0; i < m.params().count(); i++) {
      params.addNull();
    }
    return r.toString();
  }

  private static HttpResponse<String> post(String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri("http", path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String refusal(RpcMethod m, String perm) {
    return "missing permission to invoke '" + m.shortName() + "' (need '" + perm + "')";
  }

  /** Checks one HTTP answer of a call of {@code m} by {@code caller}; true when it was allowed. */
  private static boolean checkHttp(RpcMethod m, String perm, Caller caller, HttpResponse<String> r)
      throws IOException {
    String cell = m.name() + " as " + caller.name() + ": " + r.statusCode() + " " + r.body();
    if (caller.unauthorized()) {
      assertThat(r.statusCode()).as(cell).isEqualTo(401);
      return false;
    }
    JsonNode body = JSON.readTree(r.body());
    NodeRpcFuzz.checkResponse(body, cell);
    JsonNode error = body.get("error");
    if (m.isChannel()) {
      // go-jsonrpc answers a channel method over plain HTTP before the permission check
      assertThat(error.get("code").asInt()).as(cell).isEqualTo(-32601);
      return false;
    }
    if (!caller.allow().contains(perm)) {
      assertThat(r.statusCode()).as(cell).isEqualTo(200);
      assertThat(error).as(cell).isNotNull();
      assertThat(error.get("code").asInt()).as(cell).isEqualTo(1);
      assertThat(error.get("message").asText()).as(cell).isEqualTo(refusal(m, perm));
      return false;
    }
    if (error != null) {
      // the call ran and failed on its null params: a handler error, never a protocol error
      // (that would mean the permission check was not reached) nor a crash
      assertThat(error.get("code").asInt()).as(cell).isEqualTo(1);
      assertThat(error.get("message").asText()).as(cell).doesNotStartWith("missing permission");
    }
    return true;
  }

  @Test
  @Order(1)
  void everyMethodTimesEveryCallerOnV1OverHttp() throws Exception {
    Map<String, String> perms = lotusPermissions("v1");
    int cells = 0;
    int allowed = 0;
    int id = 0;
    for (RpcMethod m : methods) {
      String perm = perms.get(m.name());
      assertThat(perm).as("%s is in Lotus's v1 API", m.name()).isNotNull();
      for (Caller caller : callers) {
        if (m.name().equals(SHUTDOWN) && !caller.unauthorized() && caller.allow().contains(perm)) {
          continue; // allowed: run once, at the very end
        }
        HttpResponse<String> r = post("/rpc/v1", caller.token(), request(m, ++id));
        if (checkHttp(m, perm, caller, r)) {
          allowed++;
        }
        cells++;
      }
    }
    assertThat(methods).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cells).isEqualTo(methods.size() * callers.size() - 2);
    assertThat(allowed).isGreaterThan(methods.size());
    assertChainHeadAnswers();
  }

  @Test
  @Order(2)
  void oneMethodPerPermissionOnV0OverHttp() throws Exception {
    Map<String, String> perms = lotusPermissions("v0");
    Map<String, RpcMethod> picked = new LinkedHashMap<>();
    for (String name :
        List.of(
            "Filecoin.ChainHead",
            "Filecoin.WalletList",
            "Filecoin.WalletSign",
            "Filecoin.WalletExport",
            "Filecoin.AuthNew")) {
      picked.put(name, methods.stream().filter(m -> m.name().equals(name)).findFirst().get());
    }
    assertThat(picked.values().stream().map(m -> perms.get(m.name())).distinct())
        .containsExactlyInAnyOrder("read", "write", "sign", "admin");
    int id = 0;
    for (RpcMethod m : picked.values()) {
      for (Caller caller : callers) {
        checkHttp(
            m, perms.get(m.name()), caller, post("/rpc/v0", caller.token(), request(m, ++id)));
      }
    }
  }

  @Test
  @Order(3)
  void everyMethodTimesEveryCallerOverWebSocket() throws Exception {
    Map<String, String> perms = lotusPermissions("v1");
    for (Caller caller : callers) {
      if (caller.unauthorized()) {
        assertThatThrownBy(() -> WsRpcClient.connect(uri("ws", "/rpc/v1"), caller.token()))
            .as(caller.name())
            .isInstanceOf(IOException.class)
            .satisfies(e -> assertThat(handshakeStatus(e)).isEqualTo(401));
        continue;
      }
      try (WsRpcClient ws = WsRpcClient.connect(uri("ws", "/rpc/v1"), caller.token())) {
        for (RpcMethod m : methods) {
          String perm = perms.get(m.name());
          boolean allow = caller.allow().contains(perm);
          if (m.name().equals(SHUTDOWN) && allow) {
            continue;
          }
          String cell = m.name() + " over WebSocket as " + caller.name();
          Object[] nulls = new Object[m.params().count()];
          try {
            if (m.isChannel()) {
              ClientChannel ch = ws.subscribe(m.name(), JsonNode.class, ignore(), nulls);
              ch.cancel();
            } else {
              ws.call(m.name(), JsonNode.class, nulls);
            }
            assertThat(allow).as(cell + " answered").isTrue();
          } catch (RpcException e) {
            if (allow) {
              assertThat(e.code()).as(cell + ": " + e.getMessage()).isEqualTo(1);
              assertThat(e.getMessage()).as(cell).doesNotStartWith("missing permission");
            } else {
              assertThat(e.code()).as(cell).isEqualTo(1);
              assertThat(e.getMessage()).as(cell).isEqualTo(refusal(m, perm));
            }
          }
        }
      }
    }
    assertChainHeadAnswers();
  }

  /** The HTTP status of the refused WebSocket handshake somewhere in {@code e}'s causes. */
  private static int handshakeStatus(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
    }
    throw new AssertionError("no handshake failure in " + e, e);
  }

  private static ChannelListener<JsonNode> ignore() {
    return new ChannelListener<>() {
      @Override
      public void onValue(JsonNode value) {}

      @Override
      public void onClose(RpcException error) {}
    };
  }

  private static JsonNode error(HttpResponse<String> r, int status, int code) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(r.body());
    NodeRpcFuzz.checkResponse(body, r.body());
    assertThat(body.get("error").get("code").asInt()).as(r.body()).isEqualTo(code);
    return body;
  }

  @Test
  @Order(4)
  void badInputOverHttpGetsJsonRpcErrors() throws Exception {
    error(post("/rpc/v1", null, "{\"jsonrpc\":\"2.0\",\"id\":1,"), 500, -32700);
    error(post("/rpc/v1", null, "[]"), 500, -32600);
    error(post("/rpc/v1", null, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"Nope\"}"), 500, -32601);
    error(
        post(
            "/rpc/v1",
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"Filecoin.ChainHead\",\"params\":[0]}"),
        500,
        -32602);
    error(
        post(
            "/rpc/v1",
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"Filecoin.StateGetActor\",\"params\":[true,null]}"),
        500,
        -32602);
    String deep = "[".repeat(50_000) + "]".repeat(50_000);
    error(
        post(
            "/rpc/v1",
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"Filecoin.ChainHead\",\"params\":"
                + deep
                + "}"),
        500,
        -32700);
    HttpResponse<String> batch =
        post(
            "/rpc/v1",
            null,
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainHead\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"Filecoin.WalletNew\",\"params\":[\"bls\"]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3}]");
    assertThat(batch.statusCode()).isEqualTo(200);
    JsonNode answers = JSON.readTree(batch.body());
    assertThat(answers).hasSize(3);
    assertThat(answers.get(0).get("result").get("Height").asLong()).isZero();
    assertThat(answers.get(1).get("error").get("message").asText())
        .isEqualTo("missing permission to invoke 'WalletNew' (need 'write')");
    assertThat(answers.get(2).get("error").get("code").asInt()).isEqualTo(-32600);

    // 17 MiB: over the 16 MiB limit, refused before it is parsed
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"Filecoin.ChainHead\",\"params\":[\""
            + "a".repeat(17 << 20)
            + "\"]}";
    assertThat(post("/rpc/v1", null, big).statusCode()).isEqualTo(413);
    assertChainHeadAnswers();
  }

  @Test
  @Order(5)
  void thousandsOfFuzzedBodiesOverHttp() throws Exception {
    String writer =
        callers.stream().filter(c -> c.name().equals("read+write")).findFirst().get().token();
    NodeRpcFuzz fuzz = new NodeRpcFuzz(7L, methods);
    Map<Integer, Integer> statuses = new HashMap<>();
    for (int i = 0; i < 3_000; i++) {
      String body = new String(fuzz.next(), StandardCharsets.UTF_8);
      HttpResponse<String> r = post("/rpc/v1", writer, body);
      statuses.merge(r.statusCode(), 1, Integer::sum);
      if (r.statusCode() == 204) {
        continue;
      }
      assertThat(r.statusCode()).as(body).isIn(200, 500);
      JsonNode answer = JSON.readTree(r.body());
      for (JsonNode one : answer.isArray() ? answer : List.of(answer)) {
        NodeRpcFuzz.checkResponse(one, body);
      }
    }
    assertThat(statuses.keySet()).as("%s", statuses).contains(200, 500);
    assertChainHeadAnswers();
  }

  private static void assertChainHeadAnswers() throws Exception {
    HttpResponse<String> r =
        post("/rpc/v1", null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainHead\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("result").get("Height").asLong()).isZero();
  }

  @Test
  @Order(100)
  void shutdownIsAllowedToAdminOnlyAndStopsTheNode() throws Exception {
    Caller adminOnly = callers.stream().filter(c -> c.name().equals("admin")).findFirst().get();
    RpcMethod shutdown = methods.stream().filter(m -> m.name().equals(SHUTDOWN)).findFirst().get();
    HttpResponse<String> r = post("/rpc/v1", adminOnly.token(), request(shutdown, 1));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("result").isNull()).as(r.body()).isTrue();
    assertThat(daemon.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.process.exitValue()).isZero();
  }
}
