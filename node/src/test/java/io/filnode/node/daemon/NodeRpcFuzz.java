package io.filnode.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.rpc.RpcMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of hostile JSON-RPC bodies aimed at the node's own methods: valid calls, calls
 * with parameters of random shapes and counts, mutated and spliced text, batches and deep nesting;
 * and the check that an answer has Lotus's (go-jsonrpc's) shape.
 */
final class NodeRpcFuzz {
  /** Protocol errors and handler errors; 0 (a method threw) would be a bug. */
  static final Set<Integer> EXPECTED_CODES = Set.of(-32700, -32600, -32601, -32602, 1);

  private static final String GENESIS =
      "{\"/\":\"bafy2bzacecnamqgqmifpluoeldx7zzglxcljo6oja4vrmtj7432rphldpdmm2\"}";
  private static final String[] VALID = {
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainHead\",\"params\":[]}",
    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"Filecoin.ChainGetTipSetByHeight\",\"params\":[0,null]}",
    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"Filecoin.StateGetActor\",\"params\":[\"f01\",null]}",
    "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"Filecoin.StateLookupID\",\"params\":[\"f099\",[]]}",
    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"Filecoin.ChainHasObj\",\"params\":["
        + GENESIS
        + "]}",
    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"Filecoin.ChainGetBlock\",\"params\":["
        + GENESIS
        + "]}",
    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"Filecoin.Version\"}",
    "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"Filecoin.WalletBalance\",\"params\":[\"f00\"]}",
    "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.StateNetworkName\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.ChainHead\"}]",
  };
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "false",
    "1e309",
    "-0",
    "-1",
    "18446744073709551616",
    "\"\\ud800\"",
    "\\",
    "{\"/\":\"\"}",
    "{\"/\":\"b\"}",
    GENESIS,
    "\"jsonrpc\"",
    "\"2.0\"",
    "\"id\"",
    "\"method\"",
    "\"params\"",
    "[[[[[[[[",
    "]]]]]]]]",
    "\u0000",
    "\u00ff",
    "1.5",
    "\"f01\"",
    "\"t3\"",
    "\"f4abc\"",
    "\"Zm9v\"",
    "\"\"",
    "[]",
    "{}",
    "9223372036854775807",
    "-9223372036854775808",
  };

  private final Random random;
  private final List<String> methods;

  NodeRpcFuzz(long seed, List<RpcMethod> methods) {
    this.random = new Random(seed);
    this.methods = methods.stream().map(RpcMethod::name).toList();
  }

  byte[] next() {
    String s =
        switch (random.nextInt(8)) {
          case 0 -> VALID[random.nextInt(VALID.length)];
          case 1, 2 -> randomCall();
          case 3 -> mutate(VALID[random.nextInt(VALID.length)]);
          case 4 -> mutate(randomCall());
          case 5 -> batch();
          case 6 -> nested();
          default -> tokenSoup();
        };
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Any registered method (or a near miss of one) with 0–4 parameters of random shape. */
  private String randomCall() {
    String method = methods.get(random.nextInt(methods.size()));
    if (random.nextInt(10) == 0) {
      method = random.nextBoolean() ? method.toLowerCase(Locale.ROOT) : method + "X";
    }
    StringBuilder b = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":");
    b.append(random.nextInt(3) == 0 ? "\"" + random.nextInt() + "\"" : random.nextInt(1000));
    b.append(",\"method\":\"").append(method).append("\",\"params\":[");
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(value(3));
    }
    return b.append("]}").toString();
  }

  private String value(int depth) {
    int k = random.nextInt(depth > 0 ? 9 : 6);
    return switch (k) {
      case 0 -> "null";
      case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
      case 2 -> "\"" + TOKENS[random.nextInt(TOKENS.length)].replace("\"", "") + "\"";
      case 3 -> TOKENS[29 + random.nextInt(9)];
      case 4 -> random.nextBoolean() ? "true" : "1.25e3";
      case 5 -> GENESIS;
      case 6 -> "[" + value(depth - 1) + "," + value(depth - 1) + "]";
      case 7 -> "{\"/\":" + value(depth - 1) + "}";
      default -> "{\"Cids\":[" + value(depth - 1) + "],\"Height\":" + value(depth - 1) + "}";
    };
  }

  private String mutate(String s) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
        case 2 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
        default -> b.setLength(at);
      }
    }
    return b.toString();
  }

  private String batch() {
    int n = random.nextInt(6);
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(random.nextInt(4) == 0 ? value(1) : randomCall());
    }
    return b.append(']').toString();
  }

  private String nested() {
    int depth = 1 + random.nextInt(200);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.ChainGetBlock\",\"params\":["
        + open.repeat(depth)
        + "1"
        + close.repeat(depth)
        + "]}";
  }

  private String tokenSoup() {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(30);
    for (int i = 0; i < n; i++) {
      b.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return b.toString();
  }

  /** Asserts that {@code resp} is one JSON-RPC 2.0 answer in go-jsonrpc's shape. */
  static void checkResponse(JsonNode resp, String what) {
    if (!wellFormed(resp)) {
      checkWithMessages(resp, what);
    }
  }

  /** The same checks as {@link #checkResponse}, cheaply, for the fuzz loops' hot path. */
  private static boolean wellFormed(JsonNode resp) {
    if (!resp.isObject()
        || resp.size() != 3
        || !"2.0".equals(resp.path("jsonrpc").textValue())
        || !resp.has("id")
        || resp.has("result") == resp.has("error")) {
      return false;
    }
    JsonNode e = resp.get("error");
    return e == null
        || (e.path("code").isInt()
            && EXPECTED_CODES.contains(e.get("code").asInt())
            && e.path("message").isTextual());
  }

  private static void checkWithMessages(JsonNode resp, String what) {
    assertThat(resp.isObject()).as(what).isTrue();
    assertThat(resp.get("jsonrpc").asText()).as(what).isEqualTo("2.0");
    assertThat(resp.has("id")).as(what).isTrue();
    assertThat(resp.has("result") ^ resp.has("error")).as(what).isTrue();
    assertThat(resp.size()).as(what).isEqualTo(3);
    if (resp.has("error")) {
      JsonNode e = resp.get("error");
      assertThat(e.get("code").isInt()).as(what).isTrue();
      assertThat(e.get("code").asInt()).as(what + " -> " + e).isIn(EXPECTED_CODES);
      assertThat(e.get("message").isTextual()).as(what).isTrue();
    }
    throw new AssertionError("malformed answer to " + what + ": " + resp);
  }
}
