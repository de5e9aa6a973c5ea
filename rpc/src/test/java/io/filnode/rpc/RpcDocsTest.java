package io.filnode.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/rpc.md's coverage table lists Lotus's v1 API exactly, and marks what rpc serves. */
class RpcDocsTest {
  /** The table rows: method → [permission, params, status]. */
  static Map<String, String[]> table() throws Exception {
    Path doc = Path.of("..", "docs", "rpc.md");
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (line.startsWith("| `Filecoin.")) {
        String[] cells = line.split("\\|");
        String name = cells[1].trim().replace("`", "");
        rows.put(name, new String[] {cells[2].trim(), cells[3].trim(), cells[4].trim()});
      }
    }
    return rows;
  }

  @Test
  void coverageTableMatchesTheReference() throws Exception {
    Map<String, String[]> rows = table();
    Map<String, LotusApiReference.Method> ref = LotusApiReference.load("v1");
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(ref.keySet());
    for (LotusApiReference.Method m : ref.values()) {
      String[] row = rows.get(m.name());
      assertThat(row[0]).as(m.name()).isEqualTo(m.perm());
      assertThat(row[1]).as(m.name()).isEqualTo(Integer.toString(m.paramCount()));
      assertThat(row[2]).as(m.name()).isIn("yes", "not yet");
    }
  }

  @Test
  void whatRpcRegistersIsMarkedServed() throws Exception {
    List<String> served =
        table().entrySet().stream()
            .filter(e -> e.getValue()[2].equals("yes"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toList());
    assertThat(served)
        .containsAll(
            LotusApiReferenceTest.registeredByRpc().all().stream().map(RpcMethod::name).toList());
  }
}
