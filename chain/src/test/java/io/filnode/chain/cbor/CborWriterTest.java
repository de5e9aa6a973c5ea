package io.filnode.chain.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.cid.Hex;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CborWriterTest {
  @Test
  void writesShortestHeads() {
    assertThat(Hex.encode(new CborWriter().writeUint64(23).toByteArray())).isEqualTo("17");
    assertThat(Hex.encode(new CborWriter().writeUint64(24).toByteArray())).isEqualTo("1818");
    assertThat(Hex.encode(new CborWriter().writeUint64(65536).toByteArray()))
        .isEqualTo("1a00010000");
    assertThat(Hex.encode(new CborWriter().writeUint64(-1L).toByteArray()))
        .isEqualTo("1bffffffffffffffff");
    assertThat(Hex.encode(new CborWriter().writeInt64(-500).toByteArray())).isEqualTo("3901f3");
    assertThat(Hex.encode(new CborWriter().writeBigInt(BigInteger.ZERO).toByteArray()))
        .isEqualTo("40");
  }

  @Property
  void uint64RoundTrips(@ForAll long v) throws CborException {
    byte[] b = new CborWriter().writeUint64(v).toByteArray();
    assertThat(CborReader.decodeWhole(b, "uint64", CborReader::readUint64)).isEqualTo(v);
  }

  @Property
  void int64RoundTrips(@ForAll long v) throws CborException {
    byte[] b = new CborWriter().writeInt64(v).toByteArray();
    assertThat(CborReader.decodeWhole(b, "int64", CborReader::readInt64)).isEqualTo(v);
  }

  @Property
  void bigIntRoundTrips(@ForAll BigInteger v) throws CborException {
    byte[] b = new CborWriter().writeBigInt(v).toByteArray();
    assertThat(CborReader.decodeWhole(b, "bigint", CborReader::readBigInt)).isEqualTo(v);
  }

  @Property
  void bytesAndTextRoundTrip(@ForAll byte[] bytes, @ForAll String text) throws CborException {
    byte[] b = new CborWriter().writeBytes(bytes).writeText(text).toByteArray();
    CborReader r = new CborReader(b);
    assertThat(r.readBytes()).isEqualTo(bytes);
    // unpaired surrogates are replaced by the UTF-8 encoder; compare with what it wrote
    String expected =
        new String(
            text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(r.readText()).isEqualTo(expected);
    r.expectEnd();
  }
}
