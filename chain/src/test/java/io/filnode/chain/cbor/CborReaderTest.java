package io.filnode.chain.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CborReaderTest {
  private static CborReader reader(String hex) {
    return new CborReader(Hex.decode(hex));
  }

  @Test
  void readsShortestFormIntegers() throws CborException {
    assertThat(reader("17").readUint64()).isEqualTo(23);
    assertThat(reader("1818").readUint64()).isEqualTo(24);
    assertThat(reader("1903e8").readUint64()).isEqualTo(1000);
    assertThat(reader("1bffffffffffffffff").readUint64()).isEqualTo(-1L); // 2^64-1 as uint64
    assertThat(reader("20").readInt64()).isEqualTo(-1);
    assertThat(reader("3b7fffffffffffffff").readInt64()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void rejectsNonShortestForms() {
    assertThatThrownBy(() -> reader("1817").readUint64()).hasMessageContaining("shortest form");
    assertThatThrownBy(() -> reader("190017").readUint64()).hasMessageContaining("shortest");
    assertThatThrownBy(() -> reader("1a0000ffff").readUint64()).hasMessageContaining("shortest");
    assertThatThrownBy(() -> reader("1b00000000ffffffff").readUint64())
        .hasMessageContaining("shortest");
    assertThatThrownBy(() -> reader("5801ff").readBytes()).hasMessageContaining("shortest");
  }

  @Test
  void rejectsIndefiniteLengthsFloatsAndUndefined() {
    assertThatThrownBy(() -> reader("9fff").readArrayHeader()).hasMessageContaining("indefinite");
    assertThatThrownBy(() -> reader("5fff").readBytes()).hasMessageContaining("indefinite");
    assertThatThrownBy(() -> reader("f93c00").skipValue()).hasMessageContaining("floats");
    assertThatThrownBy(() -> reader("fb3ff0000000000000").skipValue())
        .hasMessageContaining("floats");
    assertThatThrownBy(() -> reader("f7").skipValue()).hasMessageContaining("not allowed");
    assertThatThrownBy(() -> reader("f820").skipValue()).hasMessageContaining("not allowed");
  }

  @Test
  void int64OverflowIsAnError() {
    assertThatThrownBy(() -> reader("1b8000000000000000").readInt64())
        .hasMessageContaining("overflows");
    assertThatThrownBy(() -> reader("3b8000000000000000").readInt64())
        .hasMessageContaining("overflows");
  }

  @Test
  void forgedLengthsNeverAllocate() {
    // 0x9b then 2^63: an array "longer" than anything; 0x5b the same for bytes.
    assertThatThrownBy(() -> reader("9b8000000000000000").readArrayHeader(Integer.MAX_VALUE))
        .isInstanceOf(CborException.class);
    assertThatThrownBy(() -> reader("5b7fffffffffffffff00").readBytes(Integer.MAX_VALUE))
        .isInstanceOf(CborException.class);
    assertThatThrownBy(() -> reader("5a001fffff00").readBytes())
        .hasMessageContaining("runs past the end");
    assertThatThrownBy(() -> reader("991fff00").readArrayHeader())
        .hasMessageContaining("longer than the input");
    assertThatThrownBy(() -> reader("992001").readArrayHeader())
        .hasMessageContaining("exceeds the limit 8192");
  }

  @Test
  void tagsOtherThan42AndBadCidPrefixesAreRejected() {
    assertThatThrownBy(() -> reader("c11a514b67b0").skipValue()).hasMessageContaining("tag 42");
    Cid cid = Cid.ofDagCbor(new byte[] {1});
    byte[] b = cid.bytes();
    String noPrefix = "d82a58" + String.format("%02x", b.length) + Hex.encode(b);
    assertThatThrownBy(() -> reader(noPrefix).readCid()).hasMessageContaining("0x00 multibase");
  }

  @Test
  void mapKeysMustBeSortedUniqueStrings() throws CborException {
    reader("a2616101626161" + "02").skipValue(); // {"a":1,"aa":2}
    assertThatThrownBy(() -> reader("a262616102616101").skipValue()) // {"aa":2,"a":1}
        .hasMessageContaining("canonical order");
    assertThatThrownBy(() -> reader("a2616101616102").skipValue()) // {"a":1,"a":2}
        .hasMessageContaining("canonical order");
    assertThatThrownBy(() -> reader("a10101").skipValue()).hasMessageContaining("strings");
  }

  @Test
  void nestingIsBounded() {
    byte[] deep = new byte[200];
    java.util.Arrays.fill(deep, (byte) 0x81);
    assertThatThrownBy(() -> new CborReader(deep).skipValue()).hasMessageContaining("nesting");
  }

  @Test
  void trailingBytesAreAnErrorForWholeValues() {
    assertThatThrownBy(
            () -> CborReader.decodeWhole(Hex.decode("0100"), "thing", CborReader::readUint64))
        .hasMessageContaining("decoding thing")
        .hasMessageContaining("trailing");
  }

  @Test
  void invalidUtf8IsRejected() {
    assertThatThrownBy(() -> reader("62c328").readText()).hasMessageContaining("UTF-8");
  }

  @Test
  void errorsNameTheOffset() {
    assertThatThrownBy(() -> reader("820118").skipValue())
        .isInstanceOf(CborException.class)
        .hasMessageContaining("offset 2");
  }

  @Test
  void bigIntegersAreStrict() throws CborException {
    assertThat(reader("40").readBigInt()).isZero();
    assertThat(reader("430001f4").readBigInt()).isEqualTo(BigInteger.valueOf(500));
    assertThat(reader("420101").readBigInt()).isEqualTo(BigInteger.valueOf(-1));
    assertThatThrownBy(() -> reader("4100").readBigInt()).hasMessageContaining("minimally");
    assertThatThrownBy(() -> reader("43000001").readBigInt()).hasMessageContaining("minimally");
    assertThatThrownBy(() -> reader("420201").readBigInt()).hasMessageContaining("sign byte");
  }
}
