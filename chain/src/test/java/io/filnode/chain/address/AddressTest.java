package io.filnode.chain.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.cid.Hex;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Vectors from go-address v0.0.5's address_test.go. */
class AddressTest {
  private static byte[] ints(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  @Test
  void secp256k1Vector() {
    byte[] pub =
        ints(
            4, 148, 2, 250, 195, 126, 100, 50, 164, 22, 163, 160, 202, 84, 38, 181, 24, 90, 179,
            178, 79, 97, 52, 239, 162, 92, 228, 135, 200, 45, 46, 78, 19, 191, 69, 37, 17, 224, 210,
            36, 84, 33, 248, 97, 59, 193, 13, 114, 250, 33, 102, 102, 169, 108, 59, 193, 57, 32,
            211, 255, 35, 63, 208, 188, 5);
    Address a = Address.newSecp256k1(pub);
    assertThat(a.toString(Network.TESTNET)).isEqualTo("t15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq");
    assertThat(a.toString()).isEqualTo("f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq");
    assertThat(Address.parse("t15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq")).isEqualTo(a);
  }

  @Test
  void actorVectors() {
    assertThat(
            Address.newActor(
                    ints(
                        118, 18, 129, 144, 205, 240, 104, 209, 65, 128, 68, 172, 192, 62, 11, 103,
                        129, 151, 13, 96))
                .toString())
        .isEqualTo("f24vg6ut43yw2h2jqydgbg2xq7x6f4kub3bg6as6i");
    assertThat(
            Address.newActor(
                    ints(
                        44, 175, 184, 226, 224, 107, 186, 152, 234, 101, 124, 92, 245, 244, 32, 35,
                        170, 35, 232, 142))
                .toString(Network.TESTNET))
        .isEqualTo("t25nml2cfbljvn4goqtclhifepvfnicv6g7mfmmvq");
  }

  @Test
  void blsVector() {
    byte[] key =
        ints(
            173, 88, 223, 105, 110, 45, 78, 145, 234, 134, 200, 129, 233, 56, 186, 78, 168, 27, 57,
            94, 18, 121, 123, 132, 185, 207, 49, 75, 149, 70, 112, 94, 131, 156, 122, 153, 214, 6,
            178, 71, 221, 180, 249, 172, 122, 52, 20, 221);
    String s =
        "f3vvmn62lofvhjd2ugzca6sof2j2ubwok6cj4xxbfzz4yuxfkgobpihhd2thlanmsh3w2ptld2gqkn2jvlss4a";
    assertThat(Address.newBls(key).toString()).isEqualTo(s);
    assertThat(Address.parse(s).payload()).isEqualTo(key);
    assertThat(s).hasSize(Address.MAX_STRING_LENGTH);
  }

  @Test
  void idAddresses() {
    assertThat(Address.newId(0).toString()).isEqualTo("f00");
    assertThat(Address.newId(1024).toString(Network.TESTNET)).isEqualTo("t01024");
    assertThat(Hex.encode(Address.newId(1024).bytes())).isEqualTo("008008");
    assertThat(Address.parse("f09223372036854775807").id()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Address.parse("f09223372036854775808"))
        .hasMessageContaining("below 2^63");
    assertThatThrownBy(() -> Address.newId(-1)).hasMessageContaining("below 2^63");
  }

  @Test
  void parseErrorsSayWhy() {
    assertThatThrownBy(() -> Address.parse("x01")).hasMessageContaining("network prefix");
    assertThatThrownBy(() -> Address.parse("f41")).hasMessageContaining("protocol");
    assertThatThrownBy(() -> Address.parse("f0")).hasMessageContaining("length");
    assertThatThrownBy(() -> Address.parse("f0abc")).hasMessageContaining("decimal");
    assertThatThrownBy(() -> Address.parse("f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdra"))
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> Address.parse("f15IHQ5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq"))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> Address.parse("f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bytesAreValidated() {
    assertThatThrownBy(() -> Address.fromBytes(new byte[] {1, 2, 3}))
        .hasMessageContaining("20 bytes");
    assertThatThrownBy(() -> Address.fromBytes(new byte[] {0, (byte) 0x80, 0}))
        .hasMessageContaining("minimally");
    assertThatThrownBy(() -> Address.fromBytes(new byte[] {0, 1, 0}))
        .hasMessageContaining("after its varint");
    assertThatThrownBy(() -> Address.fromBytes(new byte[] {9, 1})).hasMessageContaining("protocol");
    assertThatThrownBy(() -> Address.fromBytes(new byte[0])).hasMessageContaining("too short");
  }

  @Property
  void idRoundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long id) {
    Address a = Address.newId(id);
    assertThat(Address.parse(a.toString())).isEqualTo(a);
    assertThat(Address.fromBytes(a.bytes())).isEqualTo(a);
    assertThat(a.id()).isEqualTo(id);
  }

  @Property
  void actorRoundTrips(@ForAll byte[] seed) {
    Address a = Address.newActor(seed);
    assertThat(Address.parse(a.toString(Network.TESTNET))).isEqualTo(a);
    assertThat(Address.fromBytes(a.bytes())).isEqualTo(a);
  }
}
