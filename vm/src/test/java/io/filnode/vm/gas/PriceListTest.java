package io.filnode.vm.gas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.TokenAmount;
import org.junit.jupiter.api.Test;

/** Lotus v1.10.0's price lists (gas.go, gas_v0.go) and the tracker's out-of-gas rule. */
class PriceListTest {
  private final PriceList genesis = PriceList.forNetworkVersion(4);
  private final PriceList calico = PriceList.forNetworkVersion(7);

  @Test
  void chainMessageChargesComputeAndStoragePerByte() {
    // 38863 compute + (36 + size) * 1000 storage at genesis, * 1300 from Calico
    assertThat(genesis.onChainMessage(83).total()).isEqualTo(38863 + 119_000);
    assertThat(calico.onChainMessage(83).total()).isEqualTo(38863 + 119 * 1300);
  }

  @Test
  void methodInvocationByValueAndMethod() {
    TokenAmount one = TokenAmount.ofAtto(1);
    assertThat(genesis.onMethodInvocation(TokenAmount.ZERO, 0).total()).isEqualTo(29233);
    assertThat(genesis.onMethodInvocation(one, 0).total()).isEqualTo(29233 + 27500 + 159672);
    assertThat(genesis.onMethodInvocation(one, 2).total()).isEqualTo(29233 + 27500 - 5377);
    assertThat(genesis.onMethodInvocation(TokenAmount.ZERO, 2).total()).isEqualTo(29233 - 5377);
  }

  @Test
  void ipldAndActorPrices() {
    assertThat(genesis.onIpldGet().total()).isEqualTo(75242);
    assertThat(calico.onIpldGet().total()).isEqualTo(114617);
    assertThat(genesis.onIpldPut(63).total()).isEqualTo(84070 + 63_000);
    assertThat(calico.onIpldPut(63).total()).isEqualTo(353640 + 63 * 1300);
    assertThat(genesis.onCreateActor().total()).isEqualTo(1108454 + 76_000);
    assertThat(genesis.onDeleteActor().total()).isEqualTo(-76_000);
    assertThat(genesis.onChainReturnValue(26).total()).isEqualTo(26_000);
  }

  @Test
  void syscallPrices() {
    assertThat(genesis.onVerifySignature(SignatureType.BLS).total()).isEqualTo(16598605);
    assertThat(genesis.onVerifySignature(SignatureType.SECP256K1).total()).isEqualTo(1637292);
    assertThat(genesis.onHashing(100).total()).isEqualTo(31355);
    // window PoSt 32GiB (proof 9) over 10 sectors: halved at genesis, not from Calico
    assertThat(genesis.onVerifyPost(9, 10).total()).isEqualTo((748593537 + 10 * 85639) / 2);
    assertThat(calico.onVerifyPost(9, 10).total()).isEqualTo(117680921 + 10 * 43780);
    // an unpriced proof type falls back to 512MiB's price
    assertThat(genesis.onVerifyPost(0, 1).total()).isEqualTo((123861062 + 9226981) / 2);
    assertThat(genesis.onVerifyConsensusFault().total()).isEqualTo(495422);
  }

  @Test
  void trackerStopsAtTheLimitAndUsesItUp() {
    GasTracker t = new GasTracker(100);
    t.charge(new GasCharge("a", 60, 0));
    assertThatThrownBy(() -> t.charge(new GasCharge("b", 41, 0)))
        .isInstanceOfSatisfying(
            ActorException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.SYS_ERR_OUT_OF_GAS));
    assertThat(t.used()).isEqualTo(100);
  }
}
