package io.filnode.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.testing.SharedData;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.RpcMethod;
import io.filnode.rpc.json.LotusJson;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lotus v1.10.0's API reference for tests: method permissions and parameter counts, and the example
 * results whose JSON shape ours must have.
 */
final class ApiReference {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiReference() {}

  /** The methods of {@code api} ("v0" or "v1") by full name. */
  static Map<String, JsonNode> methods(String api) throws Exception {
    JsonNode root =
        JSON.readTree(SharedData.require("rpc/lotus-v1.10.0-api-" + api + ".json").toFile());
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode m : root.get("methods")) {
      out.put("Filecoin." + m.get("name").asText(), m);
    }
    return out;
  }

  /** Asserts every method of {@code r} is in the reference with its permission and arity. */
  static void assertMatches(MethodRegistry r, String api) throws Exception {
    Map<String, JsonNode> ref = methods(api);
    for (RpcMethod m : r.all()) {
      JsonNode want = ref.get(m.name());
      assertThat(want).as(api + " " + m.name()).isNotNull();
      JsonNode params = want.get("params");
      assertThat(m.permission().lotusName() + "/" + m.params().count())
          .as(api + " " + m.name())
          .isEqualTo(want.get("perm").asText() + "/" + (params.isNull() ? 0 : params.size()));
    }
  }

  /**
   * Asserts that {@code value}, written as the node writes it, has the keys of the example result
   * of {@code method}, recursively wherever both sides hold an object.
   */
  static void assertShape(String method, Object value) throws Exception {
    JsonNode example = methods("v1").getOrDefault(method, methods("v0").get(method));
    JsonNode ours = JSON.readTree(LotusJson.objectMapper().writeValueAsString(value));
    assertSameKeys(method, example.get("result"), ours);
  }

  private static void assertSameKeys(String path, JsonNode want, JsonNode got) {
    if (want == null || got == null || !want.isObject() || !got.isObject()) {
      return;
    }
    assertThat(keys(got)).as(path).isEqualTo(keys(want));
    want.fieldNames()
        .forEachRemaining(k -> assertSameKeys(path + "." + k, want.get(k), got.get(k)));
  }

  private static TreeSet<String> keys(JsonNode n) {
    TreeSet<String> out = new TreeSet<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
