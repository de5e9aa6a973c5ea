package io.filnode.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.testing.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lotus v1.10.0's API reference ({@code ../shared/rpc/lotus-v1.10.0-api-v1.json} and {@code -v0}):
 * each method's permission and parameter count, for checking what we register against it.
 */
final class LotusApiReference {
  /** One method of the reference. */
  record Method(String name, String perm, int paramCount) {}

  private LotusApiReference() {}

  /** The methods of {@code api} ("v0" or "v1"), keyed by their full name ({@code Filecoin.X}). */
  static Map<String, Method> load(String api) throws IOException {
    JsonNode root =
        new ObjectMapper()
            .readTree(SharedData.require("rpc/lotus-v1.10.0-api-" + api + ".json").toFile());
    Map<String, Method> out = new LinkedHashMap<>();
    for (JsonNode m : root.get("methods")) {
      JsonNode params = m.get("params");
      String name = "Filecoin." + m.get("name").asText();
      out.put(name, new Method(name, m.get("perm").asText(), params.isNull() ? 0 : params.size()));
    }
    return out;
  }

  /** Every way {@code registry} departs from the reference (empty when it matches). */
  static List<String> mismatches(MethodRegistry registry, Map<String, Method> reference) {
    List<String> problems = new ArrayList<>();
    for (RpcMethod m : registry.all()) {
      Method ref = reference.get(m.name());
      if (ref == null) {
        problems.add(m.name() + ": not in Lotus's API");
        continue;
      }
      if (!ref.perm().equals(m.permission().lotusName())) {
        problems.add(
            m.name() + ": permission " + m.permission().lotusName() + ", Lotus " + ref.perm());
      }
      if (ref.paramCount() != m.params().count()) {
        problems.add(m.name() + ": " + m.params().count() + " params, Lotus " + ref.paramCount());
      }
    }
    return problems;
  }
}
