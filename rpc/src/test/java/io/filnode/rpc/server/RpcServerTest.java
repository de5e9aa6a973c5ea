package io.filnode.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.rpc.Permission;
import io.filnode.rpc.auth.AuthApi;
import io.filnode.rpc.auth.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real server on a free loopback port, driven over HTTP. */
class RpcServerTest {
  static final byte[] SECRET =
      "test secret, 32 bytes long......".getBytes(StandardCharsets.US_ASCII);
  static final int MAX_BODY = 64 << 10;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Jwt JWT = new Jwt(SECRET);

  static RpcServer server;
  static URI v1;

  @BeforeAll
  static void start() throws IOException {
    TestApi api = new TestApi();
    AuthApi.register(api.registry, JWT, UUID.randomUUID());
    server =
        RpcServer.builder(
                RpcServerConfig.defaults()
                    .withPort(0)
                    .withMaxRequestBytes(MAX_BODY)
                    .withWorkers(4, 64))
            .tokens(JWT)
            .api(RpcServer.V1, api.registry)
            .api(RpcServer.V0, new TestApi().registry)
            .route(
                "/debug/metrics",
                () ->
                    new HttpRoute.Response(
                        200, "text/plain", "metric 1\n".getBytes(StandardCharsets.UTF_8)))
            .build();
    server.start();
    v1 = URI.create("http://127.0.0.1:" + server.port() + RpcServer.V1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> post(URI uri, String body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI u = URI.create("http://127.0.0.1:" + server.port() + path);
    return HTTP.send(HttpRequest.newBuilder(u).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static String call(String method) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The callers of the matrix: their Authorization header and level (null: refused with 401). */
  static Map<String, Object[]> callers() {
    Map<String, Object[]> c = new LinkedHashMap<>();
    c.put("no token", new Object[] {null, Permission.READ});
    for (Permission p : Permission.values()) {
      c.put(p.lotusName() + " token", new Object[] {"Bearer " + JWT.signUpTo(p), p});
    }
    String foreign =
        new Jwt("some other secret".getBytes(StandardCharsets.US_ASCII)).signUpTo(Permission.ADMIN);
    c.put("bad signature", new Object[] {"Bearer " + foreign, null});
    String none =
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + b64("{\"Allow\":[\"read\",\"write\",\"sign\",\"admin\"]}")
            + ".";
    c.put("alg none", new Object[] {"Bearer " + none, null});
    c.put("malformed", new Object[] {"Bearer not-a-jwt", null});
    c.put("no Bearer prefix", new Object[] {JWT.signUpTo(Permission.ADMIN), null});
    return c;
  }

  @Test
  void authMatrix() throws Exception {
    List<String> failures = new ArrayList<>();
    int cases = 0;
    for (Map.Entry<String, Object[]> caller : callers().entrySet()) {
      String header = (String) caller.getValue()[0];
      Permission level = (Permission) caller.getValue()[1];
      for (Permission need : Permission.values()) {
        cases++;
        HttpResponse<String> r = post(v1, call("Test." + need.lotusName()), header);
        String what = caller.getKey() + " calling a " + need.lotusName() + " method";
        if (level == null) {
          if (r.statusCode() != 401) {
            failures.add(what + ": HTTP " + r.statusCode());
          }
          continue;
        }
        JsonNode body = JSON.readTree(r.body());
        boolean allowed = need.compareTo(level) <= 0;
        if (allowed && !("ok " + need.lotusName()).equals(body.path("result").asText())) {
          failures.add(what + ": expected ok, got " + r.body());
        }
        String refusal =
            "missing permission to invoke '"
                + need.lotusName()
                + "' (need '"
                + need.lotusName()
                + "')";
        if (!allowed
            && !(body.path("error").path("code").asInt() == 1
                && refusal.equals(body.path("error").path("message").asText()))) {
          failures.add(what + ": expected refusal, got " + r.body());
        }
      }
    }
    assertThat(cases).isEqualTo(9 * 4);
    assertThat(failures).isEmpty();
  }

  @Test
  void tokenInTheQueryAsLotusAccepts() throws Exception {
    URI q = URI.create(v1 + "?token=" + JWT.signUpTo(Permission.ADMIN));
    assertThat(JSON.readTree(post(q, call("Test.admin"), null).body()).path("result").asText())
        .isEqualTo("ok admin");
    assertThat(post(URI.create(v1 + "?token=garbage"), call("Test.read"), null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void permissionsAreMembershipNotRankAsInLotus() throws Exception {
    String adminOnly = "Bearer " + JWT.sign(List.of("admin"));
    JsonNode r = JSON.readTree(post(v1, call("Test.read"), adminOnly).body());
    assertThat(r.path("error").path("message").asText())
        .isEqualTo("missing permission to invoke 'read' (need 'read')");
    assertThat(
            JSON.readTree(post(v1, call("Test.admin"), adminOnly).body()).path("result").asText())
        .isEqualTo("ok admin");
  }

  @Test
  void authApiMethods() throws Exception {
    String admin = "Bearer " + JWT.signUpTo(Permission.ADMIN);
    JsonNode r =
        JSON.readTree(
            post(
                    v1,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.AuthNew\",\"params\":[[\"read\",\"write\"]]}",
                    admin)
                .body());
    String token =
        new String(
            Base64.getDecoder().decode(r.path("result").asText()), StandardCharsets.US_ASCII);
    assertThat(JWT.verify(token)).containsExactly("read", "write");
    JsonNode v =
        JSON.readTree(
            post(
                    v1,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.AuthVerify\",\"params\":[\""
                        + token
                        + "\"]}",
                    null)
                .body());
    assertThat(v.path("result").toString()).isEqualTo("[\"read\",\"write\"]");
    JsonNode refused =
        JSON.readTree(
            post(
                    v1,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.AuthNew\",\"params\":[[\"admin\"]]}",
                    "Bearer " + token)
                .body());
    assertThat(refused.path("error").path("message").asText())
        .isEqualTo("missing permission to invoke 'AuthNew' (need 'admin')");
    JsonNode session = JSON.readTree(post(v1, call("Filecoin.Session"), null).body());
    assertThat(UUID.fromString(session.path("result").asText())).isNotNull();
  }

  @Test
  void badInputGetsJsonRpcErrorsAndTheServerKeepsServing() throws Exception {
    Map<String, Integer> cases = new LinkedHashMap<>();
    cases.put("{not json", -32700);
    cases.put("", -32700);
    cases.put("[" + "[".repeat(100) + "]".repeat(100) + "]", -32700);
    cases.put("42", -32600);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":1}", -32600);
    cases.put(call("Filecoin.NoSuchMethod"), -32601);
    cases.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Test.Add\",\"params\":[1]}", -32602);
    cases.put(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Test.Add\",\"params\":[1,\"two\"]}", -32602);
    for (Map.Entry<String, Integer> c : cases.entrySet()) {
      HttpResponse<String> r = post(v1, c.getKey(), null);
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(500);
      assertThat(JSON.readTree(r.body()).path("error").path("code").asInt())
          .as(c.getKey())
          .isEqualTo(c.getValue());
    }
    HttpResponse<String> fail = post(v1, call("Test.Fail"), null);
    assertThat(fail.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(fail.body()).path("error").path("code").asInt()).isEqualTo(1);
    assertThat(post(v1, "{\"jsonrpc\":\"2.0\",\"method\":\"Test.read\"}", null).statusCode())
        .isEqualTo(204);
    assertStillServing();
  }

  @Test
  void oversizedBodiesAreRefusedAndTheConnectionStaysUsable() throws Exception {
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Test.Echo\",\"params\":[\""
            + "x".repeat(MAX_BODY)
            + "\"]}";
    HttpResponse<String> r = post(v1, big, null);
    assertThat(r.statusCode()).isEqualTo(413);
    JsonNode e = JSON.readTree(r.body()).path("error");
    assertThat(e.path("code").asInt()).isEqualTo(-32700);
    assertThat(e.path("message").asText())
        .isEqualTo("request bigger than maximum " + MAX_BODY + " allowed");

    // on one keep-alive connection: the oversized body is skipped, the next request answered
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      byte[] b = big.getBytes(StandardCharsets.UTF_8);
      byte[] ok = call("Test.read").getBytes(StandardCharsets.UTF_8);
      out.write(
          ("POST /rpc/v1 HTTP/1.1\r\nHost: x\r\nContent-Length: " + b.length + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.write(
          ("POST /rpc/v1 HTTP/1.1\r\nHost: x\r\nContent-Length: " + ok.length + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(ok);
      out.flush();
      String first = readResponse(s.getInputStream());
      assertThat(first).startsWith("HTTP/1.1 413");
      String second = readResponse(s.getInputStream());
      assertThat(second).startsWith("HTTP/1.1 200").contains("\"result\":\"ok read\"");
    }
    assertStillServing();
  }

  /** Reads one HTTP response with a Content-Length body. */
  static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("closed after " + head);
      }
      head.append((char) c);
    }
    int len = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        len = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(len);
    return head + new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < 40; i++) {
        String body =
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + i
                + ",\"method\":\"Test.Add\",\"params\":["
                + i
                + ",0]}";
        all.append("POST /rpc/v1 HTTP/1.1\r\nHost: x\r\nContent-Length: ")
            .append(body.length())
            .append("\r\n\r\n")
            .append(body);
      }
      s.getOutputStream().write(all.toString().getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 40; i++) {
        assertThat(readResponse(s.getInputStream()))
            .endsWith("\"id\":" + i + ",\"result\":" + i + "}");
      }
    }
  }

  @Test
  void fuzzedBodiesOverHttp() throws Exception {
    Fuzz fuzz = new Fuzz(7);
    for (int i = 0; i < 300; i++) {
      byte[] body = fuzz.next();
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(v1).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
              HttpResponse.BodyHandlers.ofString());
      String what = new String(body, StandardCharsets.UTF_8);
      assertThat(r.statusCode()).as(what).isIn(200, 204, 500);
      if (r.statusCode() != 204) {
        JsonNode reply = JSON.readTree(r.body());
        for (JsonNode one : reply.isArray() ? reply : List.of(reply)) {
          DispatcherFuzzTest.checkResponse(one, what);
        }
      }
    }
    assertStillServing();
  }

  @Test
  void routesAndHealth() throws Exception {
    assertThat(get("/health/livez").statusCode()).isEqualTo(200);
    server.setReady(false);
    assertThat(get("/health/readyz").statusCode()).isEqualTo(503);
    server.setReady(true);
    assertThat(get("/health/readyz").statusCode()).isEqualTo(200);
    HttpResponse<String> m = get("/debug/metrics");
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.body()).isEqualTo("metric 1\n");
    assertThat(m.headers().firstValue("content-type")).hasValue("text/plain");
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get(RpcServer.V1).statusCode()).isEqualTo(405);
  }

  @Test
  void eachPathServesItsOwnRegistry() throws Exception {
    URI v0 = URI.create("http://127.0.0.1:" + server.port() + RpcServer.V0);
    assertThat(
            JSON.readTree(post(v0, call("Filecoin.Session"), null).body())
                .path("error")
                .path("code")
                .asInt())
        .isEqualTo(-32601);
    assertThat(JSON.readTree(post(v0, call("Test.read"), null).body()).path("result").asText())
        .isEqualTo("ok read");
  }

  static void assertStillServing() throws Exception {
    HttpResponse<String> r =
        post(v1, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"Test.Add\",\"params\":[2,3]}", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":5}");
  }
}
