package io.filnode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.testing.MessageChain;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.api.GasEstimator.GasMeta;
import io.filnode.rpc.RpcException;
import io.filnode.vm.ApplyRet;
import io.filnode.vm.TipsetExecutor;
import io.filnode.vm.stmgr.InvocResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GasEstimatorTest {
  private static final Address ALICE = Address.newId(100);
  private static final Address ALICE_KEY = Address.newId(5100); // stands for her key address

  private MessageChain mc;
  private ChainView view;
  private final List<UnsignedMessage> called = new ArrayList<>();
  private final List<List<SignedMessage>> priors = new ArrayList<>();
  private long gasUsed = 5000;
  private int exitCode;
  private double gaussian;

  @BeforeEach
  void setUp() throws Exception {
    mc = new MessageChain(List.of(ALICE));
    view = new ChainView(mc.chain());
  }

  /** A generator whose only normal draw is {@link #gaussian}. */
  private final RandomGenerator normal =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          throw new UnsupportedOperationException();
        }

        @Override
        public double nextGaussian() {
          return gaussian;
        }
      };

  private GasEstimator estimator(List<SignedMessage> pending) {
    return new GasEstimator(
        view,
        (msg, prior, ts) -> {
          called.add(msg);
          priors.add(prior);
          return new InvocResult(
              msg.cid(),
              msg,
              new ApplyRet(new MessageReceipt(exitCode, new byte[0], gasUsed), null, "boom", null),
              0);
        },
        (a, ts) -> a.equals(ALICE) ? ALICE_KEY : a,
        key -> key.equals(ALICE_KEY) ? pending : List.of(),
        () -> 1.25,
        GasEstimator.DEFAULT_MAX_FEE,
        normal);
  }

  @Test
  void gasLimitRunsAfterThePendingMessagesOfLowerNonce() throws Exception {
    List<SignedMessage> pending = new ArrayList<>();
    for (long n = 3; n < 7; n++) {
      pending.add(MessageChain.signed(MessageChain.send(ALICE, n, 10)));
    }
    UnsignedMessage msg = MessageChain.send(ALICE, 5, 10);

    long limit = estimator(pending).gasLimit(msg, mc.genesis());

    assertThat(limit).isEqualTo(5000);
    assertThat(priors.get(0)).containsExactlyElementsOf(pending.subList(0, 2));
    UnsignedMessage run = called.get(0);
    assertThat(run.gasLimit()).isEqualTo(TipsetExecutor.BLOCK_GAS_LIMIT);
    assertThat(run.gasFeeCap()).isEqualTo(TokenAmount.ofAtto(101));
    assertThat(run.gasPremium()).isEqualTo(TokenAmount.ofAtto(1));
    assertThat(run.nonce()).isEqualTo(5);
  }

  @Test
  void aFailingExecutionIsAnError() {
    exitCode = 16;
    assertThatThrownBy(() -> estimator(List.of()).gasLimit(MessageChain.send(ALICE, 0, 1), null))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("message execution failed: exit 16");
  }

  @Test
  void feeCapGrowsTheBaseFeeByAnEighthPerBlockAndAddsThePremium() throws Exception {
    GasEstimator g = estimator(List.of());
    UnsignedMessage msg = MessageChain.send(ALICE, 0, 7); // premium 7; head base fee 100
    assertThat(g.feeCap(msg, 0)).isEqualTo(TokenAmount.ofAtto(100 + 7));
    // 1.125 × 256 = 288; 100 × 288 / 256 = 112 (truncated)
    assertThat(g.feeCap(msg, 1)).isEqualTo(TokenAmount.ofAtto(112 + 7));
  }

  @Test
  void medianPremiumWalksDownFromTheHighestPremium() {
    // one block: the walk covers 2.5e9 + 0.125e9 gas
    List<GasMeta> prices =
        List.of(
            new GasMeta(BigInteger.valueOf(10), 2_000_000_000L),
            new GasMeta(BigInteger.valueOf(30), 2_000_000_000L),
            new GasMeta(BigInteger.valueOf(20), 2_000_000_000L));
    // 30 leaves 0.625e9, 20 goes below zero: the mean of 20 and 30
    assertThat(GasEstimator.medianGasPremium(prices, 1)).isEqualTo(BigInteger.valueOf(25));
    assertThat(GasEstimator.medianGasPremium(List.of(), 1)).isEqualTo(BigInteger.ZERO);
  }

  @Test
  void premiumComesFromRecentBlocksWithAFloorAndNoise() throws Exception {
    TipSet t1 = mc.extend(mc.genesis(), MessageChain.send(ALICE, 0, 300_000));
    TipSet t2 = mc.extend(t1, MessageChain.send(ALICE, 1, 200_000));
    GasEstimator g = estimator(List.of());

    // only the genesis: no premiums, so the floor for the inclusion target
    assertThat(g.gasPremium(1)).isEqualTo(TokenAmount.ofAtto(200_000));
    assertThat(g.gasPremium(2)).isEqualTo(TokenAmount.ofAtto(150_000));
    assertThat(g.gasPremium(10)).isEqualTo(TokenAmount.ofAtto(100_000));

    mc.chain().setHead(mc.extend(t2));
    assertThat(g.gasPremium(1)).isEqualTo(TokenAmount.ofAtto(250_000));
    gaussian = 1; // one standard deviation: +0.5%
    assertThat(g.gasPremium(1).atto().longValue()).isBetween(251_249L, 251_250L);
  }

  @Test
  void messageGasFillsUnsetFieldsAndCapsTheFee() throws Exception {
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
    GasEstimator g = estimator(List.of());

    UnsignedMessage est = g.estimateMessageGas(unset, null, null);

    assertThat(est.gasLimit()).isEqualTo(6250); // 5000 × 1.25
    assertThat(est.gasPremium()).isEqualTo(TokenAmount.ofAtto(100_000)); // floor for 10 blocks
    assertThat(est.gasFeeCap()).isEqualTo(g.feeCap(est, 20));

    // a max fee below fee cap × limit lowers the fee cap, and the premium with it
    UnsignedMessage capped = g.estimateMessageGas(unset, TokenAmount.ofAtto(6250 * 50), null);
    assertThat(capped.gasFeeCap()).isEqualTo(TokenAmount.ofAtto(50));
    assertThat(capped.gasPremium()).isEqualTo(TokenAmount.ofAtto(50));
  }

  @Test
  void setFieldsAreKept() throws Exception {
    UnsignedMessage set = MessageChain.send(ALICE, 0, 40); // limit 1e6, fee cap 140
    assertThat(estimator(List.of()).estimateMessageGas(set, null, null)).isEqualTo(set);
    assertThat(called).isEmpty();
  }
}
