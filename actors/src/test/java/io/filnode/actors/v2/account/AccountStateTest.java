package io.filnode.actors.v2.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Hex;
import org.junit.jupiter.api.Test;

class AccountStateTest {
  private static final Address BLS = Address.newBls(new byte[48]);

  @Test
  void encodesAsATupleOfTheAddressBytes() {
    // array(1), bytes(49): protocol byte 3, then the 48-byte key
    assertThat(new AccountState(BLS).toCbor())
        .isEqualTo(Hex.decode("815831" + "03" + "00".repeat(48)));
  }

  @Test
  void roundTrips() throws CborException {
    AccountState st = new AccountState(BLS);
    assertThat(AccountState.decode(new CborReader(st.toCbor()))).isEqualTo(st);
  }

  @Test
  void rejectsAnEmptyAddressAndAWrongTuple() {
    assertThatThrownBy(() -> AccountState.decode(new CborReader(Hex.decode("8140"))))
        .isInstanceOf(CborException.class);
    assertThatThrownBy(() -> AccountState.decode(new CborReader(Hex.decode("82420064420065"))))
        .isInstanceOf(CborException.class);
  }
}
