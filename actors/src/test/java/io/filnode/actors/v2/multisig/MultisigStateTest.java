package io.filnode.actors.v2.multisig;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The vesting rule, the spending check and purging of approvals, on the state alone. */
class MultisigStateTest {
  private static final Address ANNE = Address.newId(101);
  private static final Address BOB = Address.newId(102);
  private static final Address CHARLIE = Address.newId(103);

  private static MultisigState vesting(long start, long duration, long amount) {
    MultisigState st = new MultisigState(List.of(ANNE), 1, 0, TokenAmount.ZERO, 0, 0, null);
    st.setLocked(start, duration, TokenAmount.ofAtto(amount));
    return st;
  }

  @Test
  void lockedAmountFallsLinearlyFromStartToDuration() {
    // TestLockBalance "retroactive vesting": 100000 over 1000 epochs, 30000 vested at epoch 300.
    MultisigState st = vesting(0, 1000, 100_000);
    assertThat(st.amountLocked(-5)).isEqualTo(TokenAmount.ofAtto(100_000));
    assertThat(st.amountLocked(0)).isEqualTo(TokenAmount.ofAtto(100_000));
    assertThat(st.amountLocked(300)).isEqualTo(TokenAmount.ofAtto(70_000));
    assertThat(st.amountLocked(999)).isEqualTo(TokenAmount.ofAtto(100));
    assertThat(st.amountLocked(1000)).isEqualTo(TokenAmount.ZERO);
    assertThat(st.amountLocked(5000)).isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void lockedAmountRoundsUpSoNothingVestsEarly() {
    // TestVesting "avoid truncating division": 9 units over 10 epochs.
    MultisigState st = vesting(0, 10, 9);
    assertThat(st.amountLocked(1)).isEqualTo(TokenAmount.ofAtto(9)); // ceil(8.1)
    assertThat(st.amountLocked(2)).isEqualTo(TokenAmount.ofAtto(8)); // ceil(7.2)
    assertThat(st.amountLocked(9)).isEqualTo(TokenAmount.ofAtto(1)); // ceil(0.9)
    assertThat(st.amountLocked(10)).isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void negativeLockRoundsAsGoEuclideanDivision() {
    // Before network version 7 LockBalance accepts a negative amount. Go divides -999 by 1000 as
    // -1 remainder 1 (Euclidean), then adds 1 for the remainder: 0, where truncation would give 1.
    MultisigState st = vesting(0, 1000, -1);
    assertThat(st.amountLocked(1)).isEqualTo(TokenAmount.ZERO);
    assertThat(vesting(0, 10, -25).amountLocked(3)).isEqualTo(TokenAmount.ofAtto(-17));
  }

  @Property
  void lockedAmountIsTheCeilingOfTheRemainingShare(
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long amount,
      @ForAll @LongRange(min = 1, max = 100_000) long duration,
      @ForAll @LongRange(min = 1, max = 100_000) long elapsed) {
    MultisigState st = vesting(0, duration, amount);
    TokenAmount locked = st.amountLocked(elapsed);
    if (elapsed >= duration) {
      assertThat(locked).isEqualTo(TokenAmount.ZERO);
      return;
    }
    long remaining = duration - elapsed;
    // locked·duration is the least multiple of duration at or above amount·remaining
    long exact = Math.multiplyExact(amount, remaining);
    long lockedTimesDuration = Math.multiplyExact(locked.atto().longValueExact(), duration);
    assertThat(lockedTimesDuration).isGreaterThanOrEqualTo(exact);
    assertThat(lockedTimesDuration - duration).isLessThan(exact);
  }

  @Test
  void spendingChecksBalanceThenLock() {
    MultisigState st = vesting(1000, 1000, 100_000);
    TokenAmount balance = TokenAmount.ofAtto(100_000);
    assertThat(st.checkAvailable(balance, TokenAmount.ofAtto(-1), 300)).contains("less than zero");
    assertThat(st.checkAvailable(balance, TokenAmount.ofAtto(100_001), 300))
        .contains("current balance");
    // TestLockBalance "prospective vesting": nothing vests before the start, 20000 at start+200.
    assertThat(st.checkAvailable(balance, TokenAmount.ofAtto(1), 300)).contains("locked amount");
    assertThat(st.checkAvailable(balance, TokenAmount.ofAtto(20_000), 1200)).isNull();
    assertThat(st.checkAvailable(balance, TokenAmount.ofAtto(20_001), 1200)).isNotNull();
    // Sending nothing is always allowed, even when the lock exceeds the balance.
    assertThat(st.checkAvailable(TokenAmount.ZERO, TokenAmount.ZERO, 300)).isNull();
  }

  @Test
  void purgeRemovesTheSignerAndDeletesTransactionsLeftWithoutApprovals() {
    IpldStore store = new IpldStore(new MemoryBlockstore());
    AdtMap txns = AdtMap.create(store, BuiltinActors.hamtOptions(2));
    Transaction shared = txn(List.of(ANNE, BOB));
    Transaction solo = txn(List.of(BOB));
    Transaction other = txn(List.of(CHARLIE));
    txns.put(Keys.signed(0), shared);
    txns.put(Keys.signed(1), solo);
    txns.put(Keys.signed(2), other);
    MultisigState st =
        new MultisigState(List.of(ANNE, BOB, CHARLIE), 2, 3, TokenAmount.ZERO, 0, 0, txns.flush());

    st.purgeApprovals(store, BOB);

    AdtMap after = MultisigState.loadPending(store, st.pendingTxns());
    assertThat(after.get(Keys.signed(0), Transaction::decode)).isEqualTo(txn(List.of(ANNE)));
    assertThat(after.has(Keys.signed(1))).isFalse();
    assertThat(after.get(Keys.signed(2), Transaction::decode)).isEqualTo(other);
  }

  @Test
  void stateRoundTrips() throws Exception {
    IpldStore store = new IpldStore(new MemoryBlockstore());
    MultisigState st =
        new MultisigState(
            List.of(ANNE, BOB),
            2,
            7,
            TokenAmount.ofAtto(5),
            -3,
            10,
            AdtMap.create(store, BuiltinActors.hamtOptions(2)).flush());
    byte[] bytes = st.toCbor();
    assertThat(CborReader.decodeWhole(bytes, "state", MultisigState::decode).toCbor())
        .isEqualTo(bytes);
  }

  private static Transaction txn(List<Address> approved) {
    return new Transaction(CHARLIE, TokenAmount.ofAtto(1), 0, new byte[0], approved);
  }
}
