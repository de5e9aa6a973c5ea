package io.filnode.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.rpc.json.LotusJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 100,000 hostile bodies straight into the dispatcher: every one gets a well-formed answer. */
class DispatcherFuzzTest {
  static final Set<Integer> EXPECTED_CODES = Set.of(-32700, -32600, -32601, -32602, 1);

  @Test
  void everyBodyGetsAWellFormedAnswer() {
    Dispatcher d =
        new Dispatcher(new TestApi().registry, LotusJson.objectMapper(), 64, CallObserver.NONE);
    Fuzz fuzz = new Fuzz(20260127L);
    Map<Integer, Integer> codes = new HashMap<>();
    int results = 0;
    for (int i = 0; i < 100_000; i++) {
      byte[] body = fuzz.next();
      Dispatcher.Reply r = d.handle(body, List.of("read", "write"), null);
      String what = new String(body, StandardCharsets.UTF_8);
      if (r.body() == null) {
        continue; // a notification (or a batch of them)
      }
      for (JsonNode resp : r.body().isArray() ? r.body() : List.of(r.body())) {
        checkResponse(resp, what);
        if (resp.has("error")) {
          codes.merge(resp.get("error").get("code").asInt(), 1, Integer::sum);
        } else {
          results++;
        }
      }
    }
    // the generator must reach every kind of failure, and some successes
    assertThat(codes.keySet()).containsAll(EXPECTED_CODES);
    assertThat(results).isGreaterThan(10_000);
  }

  static void checkResponse(JsonNode resp, String what) {
    assertThat(resp.isObject()).as(what).isTrue();
    assertThat(resp.get("jsonrpc").asText()).as(what).isEqualTo("2.0");
    assertThat(resp.has("id")).as(what).isTrue();
    assertThat(resp.has("result") ^ resp.has("error")).as(what).isTrue();
    if (resp.has("error")) {
      assertThat(resp.get("error").get("code").asInt()).as(what).isIn(EXPECTED_CODES);
      assertThat(resp.get("error").get("message").isTextual()).as(what).isTrue();
    }
  }
}
