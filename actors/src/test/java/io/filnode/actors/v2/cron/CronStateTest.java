package io.filnode.actors.v2.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronStateTest {
  @Test
  void emptyStateIsATupleOfAnEmptyList() {
    // cron_test.go "construct with empty entries"
    assertThat(Hex.encode(new CronState(List.of()).toCbor())).isEqualTo("8180");
  }

  @Test
  void builtInEntriesCallPowerThenMarket() throws CborException {
    // [[f04, 5], [f05, 9]]
    CronState st = new CronState(CronState.builtInEntries());
    assertThat(Hex.encode(st.toCbor())).isEqualTo("818282420004058242000509");
    assertThat(CronState.decode(new CborReader(st.toCbor()))).isEqualTo(st);
  }

  @Test
  void constructorParamsKeepEntriesInOrder() throws CborException {
    // cron_test.go "construct with non-empty entries": 1001..1004
    List<CronEntry> entries =
        List.of(
            new CronEntry(Address.newId(1001), 1001),
            new CronEntry(Address.newId(1002), 1002),
            new CronEntry(Address.newId(1003), 1003),
            new CronEntry(Address.newId(1004), 1004));
    ConstructorParams p = new ConstructorParams(entries);
    assertThat(p.toCbor()).isEqualTo(new CronState(entries).toCbor());
    assertThat(ConstructorParams.decode(new CborReader(p.toCbor())).entries())
        .containsExactlyElementsOf(entries);
  }

  @Test
  void methodNumbersAreUnsigned() throws CborException {
    CronEntry big = new CronEntry(Address.newId(1), -1L);
    assertThat(Hex.encode(big.toCbor())).isEqualTo("824200011bffffffffffffffff");
    assertThat(CronEntry.decode(new CborReader(big.toCbor()))).isEqualTo(big);
    assertThatThrownBy(() -> CronEntry.decode(new CborReader(Hex.decode("8242000120"))))
        .isInstanceOf(CborException.class);
  }
}
