package io.filnode.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.testing.MessageChain;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.api.GasApi.MessageSendSpec;
import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.json.LotusJson;
import io.filnode.vm.ApplyRet;
import io.filnode.vm.stmgr.InvocResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GasApiTest {
  private static final Address ALICE = Address.newId(100);
  private static final CallContext READ = new CallContext(List.of("read"));

  private final MethodRegistry registry = new MethodRegistry();

  @BeforeEach
  void setUp() throws Exception {
    MessageChain mc = new MessageChain(List.of(ALICE));
    ChainView view = new ChainView(mc.chain());
    GasEstimator estimator =
        new GasEstimator(
            view,
            (msg, prior, ts) ->
                new InvocResult(
                    msg.cid(),
                    msg,
                    new ApplyRet(new MessageReceipt(0, new byte[0], 8000), null, null, null),
                    0),
            (a, ts) -> a,
            key -> List.of(),
            () -> 1.25,
            GasEstimator.DEFAULT_MAX_FEE,
            new SplittableRandom(1));
    new GasApi(view, estimator).register(registry);
  }

  private Object call(String method, Object... args) throws Exception {
    return registry.get("Filecoin." + method).handler().call(READ, new Args(args));
  }

  @Test
  void registersAsLotusOnBothApis() throws Exception {
    ApiReference.assertMatches(registry, "v1");
    ApiReference.assertMatches(registry, "v0");
    assertThat(registry.all()).hasSize(4);
  }

  @Test
  void messageGasHonoursTheSendSpecsMaxFee() throws Exception {
    UnsignedMessage unset =
        new UnsignedMessage(
            0,
            Address.newId(99),
            ALICE,
            0,
            TokenAmount.ofAtto(1),
            0,
            TokenAmount.ZERO,
            TokenAmount.ZERO,
            0,
            new byte[0]);
    MessageSendSpec spec =
        LotusJson.objectMapper().readValue("{\"MaxFee\":\"100000\"}", MessageSendSpec.class);

    UnsignedMessage est = (UnsignedMessage) call("GasEstimateMessageGas", unset, spec, null);

    assertThat(est.gasLimit()).isEqualTo(10_000);
    assertThat(est.gasFeeCap()).isEqualTo(TokenAmount.ofAtto(10)); // 100000 / 10000
    assertThat(call("GasEstimateGasLimit", unset, TipSetKey.EMPTY)).isEqualTo(8000L);
  }
}
