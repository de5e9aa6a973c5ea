package io.filnode.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.RpcMethod;
import io.filnode.rpc.json.LotusJson;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SyncApiTest {
  @Test
  void syncStateHasNoActiveSyncsAndCountsAppliedMessages() throws Exception {
    AtomicLong applied = new AtomicLong();
    MethodRegistry r = new MethodRegistry();
    new SyncApi(applied::get).register(r);
    RpcMethod m = r.get("Filecoin.SyncState");
    assertThat(m.permission().lotusName()).isEqualTo("read");
    Object state = m.handler().call(new CallContext(List.of("read")), new Args());
    assertThat(LotusJson.objectMapper().writeValueAsString(state))
        .isEqualTo("{\"ActiveSyncs\":null,\"VMApplied\":0}");
    applied.set(42);
    assertThat(((SyncApi.SyncState) m.handler().call(null, new Args())).vmApplied()).isEqualTo(42);
    assertThat(new SyncApi().state().vmApplied()).isZero();
  }
}
