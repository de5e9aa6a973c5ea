package io.filnode.actors.util.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.hamt.HamtOptions;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import org.junit.jupiter.api.Test;

/** After specs-actors v2 adt/balancetable_test.go. */
class BalanceTableTest {
  private static final HamtOptions HAMT = BuiltinActors.hamtOptions(2);
  private static final Address ADDR = Address.newId(100);
  private static final Address ADDR2 = Address.newId(101);

  private final IpldStore store = new IpldStore(new MemoryBlockstore());

  private BalanceTable build() {
    return BalanceTable.load(store, AdtMap.create(store, HAMT).flush(), HAMT);
  }

  private static TokenAmount atto(long v) {
    return TokenAmount.ofAtto(v);
  }

  /** Whether the table's HAMT, as flushed, has an entry for {@code addr}. */
  private boolean stored(BalanceTable bt, Address addr) {
    return AdtMap.load(store, bt.root(), HAMT).has(Keys.address(addr));
  }

  @Test
  void addAddsOrCreates() {
    BalanceTable bt = build();
    assertThat(bt.get(ADDR)).isEqualTo(TokenAmount.ZERO);
    bt.add(ADDR, atto(10));
    assertThat(bt.get(ADDR)).isEqualTo(atto(10));
    bt.add(ADDR, atto(20));
    assertThat(bt.get(ADDR)).isEqualTo(atto(30));
    bt.add(ADDR, atto(-30));
    assertThat(bt.get(ADDR)).isEqualTo(TokenAmount.ZERO);
    assertThat(stored(bt, ADDR)).as("a balance brought to zero is deleted").isFalse();
  }

  @Test
  void addingZeroToAnAbsentKeyStoresAnExplicitZero() {
    // Go's Add only deletes when the previous balance was non-zero, so 0 + 0 is put.
    BalanceTable bt = build();
    bt.add(ADDR, TokenAmount.ZERO);
    assertThat(stored(bt, ADDR)).isTrue();
    assertThat(bt.get(ADDR)).isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void addRefusesANegativeResult() {
    BalanceTable bt = build();
    bt.add(ADDR, atto(5));
    assertThatThrownBy(() -> bt.add(ADDR, atto(-6)))
        .isInstanceOfSatisfying(
            ActorException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERR_ILLEGAL_STATE));
    assertThat(bt.get(ADDR)).isEqualTo(atto(5));
  }

  @Test
  void mustSubtractFailsIfTheBalanceIsInsufficient() {
    BalanceTable bt = build();
    bt.mustSubtract(ADDR, TokenAmount.ZERO);
    assertThatThrownBy(() -> bt.mustSubtract(ADDR, atto(1))).isInstanceOf(ActorException.class);
    bt.add(ADDR, atto(5));
    assertThatThrownBy(() -> bt.mustSubtract(ADDR, atto(6))).isInstanceOf(ActorException.class);
    assertThat(bt.get(ADDR)).isEqualTo(atto(5));
    bt.mustSubtract(ADDR, atto(4));
    assertThat(bt.get(ADDR)).isEqualTo(atto(1));
    bt.mustSubtract(ADDR, atto(1));
    assertThat(bt.get(ADDR)).isEqualTo(TokenAmount.ZERO);
    assertThat(stored(bt, ADDR)).isFalse();
  }

  @Test
  void totalReturnsTheAmountTracked() {
    BalanceTable bt = build();
    assertThat(bt.total()).isEqualTo(TokenAmount.ZERO);
    Object[][] cases = {{10L, ADDR, 10L}, {20L, ADDR, 30L}, {40L, ADDR2, 70L}, {50L, ADDR2, 120L}};
    for (Object[] tc : cases) {
      bt.add((Address) tc[1], atto((Long) tc[0]));
      assertThat(bt.total()).isEqualTo(atto((Long) tc[2]));
    }
  }

  @Test
  void subtractWithMinimumOnAZeroBalance() {
    BalanceTable bt = build();
    assertThat(bt.subtractWithMinimum(ADDR, TokenAmount.ZERO, TokenAmount.ZERO))
        .isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void subtractWithMinimumTakesOnlyWhatIsAboveTheFloor() {
    BalanceTable bt = build();
    bt.add(ADDR, atto(5));
    assertThat(bt.subtractWithMinimum(ADDR, atto(2), atto(4))).isEqualTo(atto(1));
    assertThat(bt.get(ADDR)).isEqualTo(atto(4));
  }

  @Test
  void subtractWithMinimumWithSufficientBalance() {
    BalanceTable bt = build();
    bt.add(ADDR, atto(5));
    assertThat(bt.subtractWithMinimum(ADDR, atto(3), atto(2))).isEqualTo(atto(3));
    assertThat(bt.get(ADDR)).isEqualTo(atto(2));
  }

  @Test
  void subtractWithMinimumBelowTheFloorTakesNothing() {
    BalanceTable bt = build();
    bt.add(ADDR, atto(5));
    assertThat(bt.subtractWithMinimum(ADDR, atto(3), atto(7))).isEqualTo(TokenAmount.ZERO);
    assertThat(bt.get(ADDR)).isEqualTo(atto(5));
  }
}
