package io.filnode.mpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagePoolTest {
  private static final byte[] KEY_A = key(1);
  private static final byte[] KEY_B = key(2);
  private static final Address TO = Address.newId(1234);

  private TestProvider chain;
  private TestProvider.MemoryLocalStore store;
  private TipSet genesis;
  private Address a;
  private Address b;
  private final AtomicLong clock = new AtomicLong();

  private static byte[] key(int n) {
    byte[] k = new byte[32];
    k[31] = (byte) n;
    return k;
  }

  @BeforeEach
  void setUp() throws Exception {
    chain = new TestProvider();
    store = new TestProvider.MemoryLocalStore();
    genesis = chain.tipSet(1, null, List.of());
    a = Signer.address(SignatureType.SECP256K1, KEY_A);
    b = Signer.address(SignatureType.SECP256K1, KEY_B);
    chain.setActor(a, 0, TokenAmount.ofFil(100));
    chain.setActor(b, 0, TokenAmount.ofFil(100));
  }

  private MessagePool pool() {
    return new MessagePool(chain, store, MpoolConfig.defaults(), genesis, clock::get);
  }

  private static SignedMessage msg(byte[] key, Address from, long nonce, long premium)
      throws Exception {
    return msg(key, from, nonce, premium, 1_000_000);
  }

  private static SignedMessage msg(byte[] key, Address from, long nonce, long premium, long gas)
      throws Exception {
    UnsignedMessage m =
        new UnsignedMessage(
            0,
            TO,
            from,
            nonce,
            TokenAmount.ofAtto(1),
            gas,
            TokenAmount.ofAtto(premium + 1000),
            TokenAmount.ofAtto(premium),
            0,
            new byte[0]);
    return Signer.signMessage(SignatureType.SECP256K1, key, m);
  }

  @Test
  void pushAddsPublishesAndAdvancesTheNonce() throws Exception {
    MessagePool pool = pool();
    pool.push(msg(KEY_A, a, 0, 100));
    pool.push(msg(KEY_A, a, 1, 100));
    assertThat(pool.getNonce(a)).isEqualTo(2);
    assertThat(pool.getNonce(b)).isZero();
    assertThat(pool.pending()).hasSize(2);
    assertThat(chain.published).hasSize(2);
    assertThat(store.messages).hasSize(2);
  }

  @Test
  void refusesWhatLotusRefuses() throws Exception {
    MessagePool pool = pool();
    SignedMessage good = msg(KEY_A, a, 0, 100);
    // a signature by another key
    SignedMessage forged = new SignedMessage(good.message(), msg(KEY_B, b, 0, 100).signature());
    assertReason(() -> pool.push(forged), MpoolException.Reason.BAD_SIGNATURE);
    // below the on-chain gas for its size
    assertReason(
        () -> pool.push(msg(KEY_A, a, 0, 100, 1000)), MpoolException.Reason.INVALID_MESSAGE);
    // a network message more than 4 nonces ahead
    assertReason(() -> pool.add(msg(KEY_A, a, 5, 100)), MpoolException.Reason.NONCE_GAP);
    // more than the balance
    chain.setActor(a, 0, TokenAmount.ofAtto(10));
    assertReason(() -> pool.push(good), MpoolException.Reason.NOT_ENOUGH_FUNDS);
    chain.setActor(a, 3, TokenAmount.ofFil(1));
    assertReason(() -> pool.push(good), MpoolException.Reason.NONCE_TOO_LOW);
    assertThat(pool.pending()).isEmpty();
  }

  @Test
  void networkMessagesMayLeaveAGapOfFourAndLocalOnesAny() throws Exception {
    MessagePool pool = pool();
    pool.add(msg(KEY_B, b, 4, 100));
    assertReason(() -> pool.add(msg(KEY_B, b, 10, 100)), MpoolException.Reason.NONCE_GAP);
    // Lotus v1.10.0 adds pushed messages, untrusted ones too, without the strict checks.
    pool.push(msg(KEY_A, a, 7, 100));
    pool.pushUntrusted(msg(KEY_A, a, 20, 100));
    assertThat(pool.pendingFor(a)).hasSize(2);
    assertThat(pool.getNonce(a)).isZero();
  }

  @Test
  void replaceByFeeNeedsAQuarterMorePremium() throws Exception {
    MessagePool pool = pool();
    pool.push(msg(KEY_A, a, 0, 1000));
    // 1000 * 1.25 + 1 = 1251 is the minimum (Lotus's ComputeMinRBF)
    assertReason(
        () -> pool.push(msg(KEY_A, a, 0, 1250)),
        MpoolException.Reason.REPLACE_BY_FEE_PREMIUM_TOO_LOW);
    SignedMessage replacement = msg(KEY_A, a, 0, 1251);
    pool.push(replacement);
    assertThat(pool.pending()).containsExactly(replacement);
    assertThat(pool.size()).isEqualTo(1);
    assertReason(() -> pool.push(replacement), MpoolException.Reason.SOFT_VALIDATION_FAILURE);
  }

  @Test
  void pendingFundsCountAgainstTheBalance() throws Exception {
    // fee cap 1100 × gas 1,000,000 = 1.1e9 per message
    chain.setActor(a, 0, TokenAmount.ofAtto(2_500_000_000L));
    MessagePool pool = pool();
    pool.push(msg(KEY_A, a, 0, 100));
    pool.push(msg(KEY_A, a, 1, 100));
    assertReason(
        () -> pool.push(msg(KEY_A, a, 2, 100)), MpoolException.Reason.SOFT_VALIDATION_FAILURE);
  }

  @Test
  void headChangesRemoveIncludedAndReaddReverted() throws Exception {
    MessagePool pool = pool();
    SignedMessage m0 = msg(KEY_A, a, 0, 100);
    SignedMessage m1 = msg(KEY_A, a, 1, 100);
    pool.push(m0);
    pool.push(m1);
    TipSet next = chain.tipSet(2, genesis, List.of(m0));
    chain.setActor(a, 1, TokenAmount.ofFil(100));
    pool.headChange(List.of(), List.of(next));
    assertThat(pool.pending()).containsExactly(m1);

    chain.setActor(a, 0, TokenAmount.ofFil(100));
    pool.headChange(List.of(next), List.of());
    assertThat(pool.pending()).containsExactlyInAnyOrder(m0, m1);
    assertThat(pool.head()).isEqualTo(genesis);
  }

  @Test
  void localMessagesComeBackAfterARestart() throws Exception {
    MessagePool pool = pool();
    SignedMessage m0 = msg(KEY_A, a, 0, 100);
    pool.push(m0);
    pool.add(msg(KEY_B, b, 0, 100)); // from the network: not local
    MessagePool restarted = pool();
    assertThat(restarted.pending()).containsExactly(m0);
    restarted.clear(true);
    assertThat(restarted.pending()).isEmpty();
    assertThat(store.messages).isEmpty();
  }

  @Test
  void pruningKeepsLocalMessagesAndTheBestChains() throws Exception {
    MessagePool pool = pool();
    pool.setConfig(new MpoolConfig(List.of(), 6, 3, 1.25, Duration.ofMinutes(1), 1.25));
    pool.push(msg(KEY_A, a, 0, 100)); // local, never pruned
    for (int i = 0; i < 5; i++) {
      byte[] k = key(10 + i);
      Address from = Signer.address(SignatureType.SECP256K1, k);
      chain.setActor(from, 0, TokenAmount.ofFil(1));
      SignedMessage m = msg(k, from, 0, 100 + i);
      pool.add(m);
    }
    // the 7th message crosses the high mark (6): prune down to 3, the local one included
    byte[] k = key(20);
    Address from = Signer.address(SignatureType.SECP256K1, k);
    chain.setActor(from, 0, TokenAmount.ofFil(1));
    pool.add(msg(k, from, 0, 50));
    assertThat(pool.size()).isEqualTo(3);
    List<BigInteger> premiums =
        pool.pending().stream().map(m -> m.message().gasPremium().atto()).sorted().toList();
    assertThat(premiums)
        .containsExactly(BigInteger.valueOf(100), BigInteger.valueOf(103), BigInteger.valueOf(104));
  }

  @Test
  void selectionTakesTheBestChainsInNonceOrderWithinTheGasLimit() throws Exception {
    MessagePool pool = pool();
    SignedMessage a0 = msg(KEY_A, a, 0, 100, 4_000_000_000L);
    SignedMessage a1 = msg(KEY_A, a, 1, 500, 4_000_000_000L);
    SignedMessage b0 = msg(KEY_B, b, 0, 300, 4_000_000_000L);
    chain.setActor(a, 0, TokenAmount.ofFil(100));
    pool.add(a0);
    pool.add(a1);
    pool.add(b0);
    List<SignedMessage> selected = new MessageSelector(pool).selectMessages(genesis);
    // a's chain (100 then 500: average 300, merged) and b0 (300) perform alike; only two fit
    // 10 billion gas, and a1 can never come before a0.
    assertThat(selected).hasSize(2);
    assertThat(selected.indexOf(a1)).isNotEqualTo(0);
    if (selected.contains(a1)) {
      assertThat(selected.indexOf(a0)).isLessThan(selected.indexOf(a1));
    }
  }

  private static void assertReason(ThrowingRunnable r, MpoolException.Reason reason) {
    assertThatThrownBy(r::run)
        .isInstanceOf(MpoolException.class)
        .satisfies(e -> assertThat(((MpoolException) e).reason()).isEqualTo(reason));
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
