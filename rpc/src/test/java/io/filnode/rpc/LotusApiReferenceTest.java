package io.filnode.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.rpc.auth.AuthApi;
import io.filnode.rpc.auth.Jwt;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What rpc registers has exactly Lotus v1.10.0's permission and parameter count. */
class LotusApiReferenceTest {
  static MethodRegistry registeredByRpc() {
    MethodRegistry r = new MethodRegistry();
    AuthApi.register(r, new Jwt("x".getBytes(StandardCharsets.US_ASCII)), UUID.randomUUID());
    return r;
  }

  @Test
  void referenceHasLotusMethodCounts() throws Exception {
    Map<String, LotusApiReference.Method> v1 = LotusApiReference.load("v1");
    assertThat(v1).hasSize(196);
    assertThat(v1.get("Filecoin.ChainHead").perm()).isEqualTo("read");
    assertThat(v1.get("Filecoin.AuthNew").paramCount()).isEqualTo(1);
    assertThat(LotusApiReference.load("v0")).hasSize(199);
  }

  @Test
  void registeredMethodsMatchLotusV1AndV0() throws Exception {
    MethodRegistry r = registeredByRpc();
    assertThat(r.all())
        .extracting(RpcMethod::name)
        .containsExactlyInAnyOrder("Filecoin.AuthNew", "Filecoin.AuthVerify", "Filecoin.Session");
    assertThat(LotusApiReference.mismatches(r, LotusApiReference.load("v1"))).isEmpty();
    assertThat(LotusApiReference.mismatches(r, LotusApiReference.load("v0"))).isEmpty();
  }

  @Test
  void theCheckCatchesWrongDeclarations() throws Exception {
    MethodRegistry wrong = new MethodRegistry();
    wrong.register("Filecoin.ChainHead", Permission.WRITE, Params.none(), (c, a) -> null);
    wrong.register("Filecoin.ChainGetBlock", Permission.READ, Params.raw(2), (c, a) -> null);
    wrong.register("Filecoin.NotLotus", Permission.READ, Params.none(), (c, a) -> null);
    assertThat(LotusApiReference.mismatches(wrong, LotusApiReference.load("v1")))
        .containsExactlyInAnyOrder(
            "Filecoin.ChainHead: permission write, Lotus read",
            "Filecoin.ChainGetBlock: 2 params, Lotus 1",
            "Filecoin.NotLotus: not in Lotus's API");
  }
}
