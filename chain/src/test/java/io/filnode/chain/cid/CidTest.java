package io.filnode.chain.cid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CidTest {
  @Test
  void parsesAndPrintsV1() {
    String s = "bafy2bzacecnamqgqmifpluoeldx7zzglxcljo6oja4vrmtj7432rphldpdmm2";
    Cid c = Cid.parse(s);
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.codec()).isEqualTo(Cid.DAG_CBOR);
    assertThat(c.hashFunction()).isEqualTo(Multihash.BLAKE2B_256);
    assertThat(c.digest()).hasSize(32);
    assertThat(c.toString()).isEqualTo(s);
    assertThat(Cid.parse("B" + s.substring(1).toUpperCase(java.util.Locale.ROOT))).isEqualTo(c);
    assertThat(Cid.parse("f" + Hex.encode(c.bytes()))).isEqualTo(c);
  }

  @Test
  void parsesAndPrintsV0() {
    // the IPFS "hello world\n" file block id, a well-known v0 CID
    String s = "QmWATWQ7fLJ7oexjAPxSDvbuV4fqSbZRodRHmKTanwPCDx";
    Cid c = Cid.parse(s);
    assertThat(c.version()).isZero();
    assertThat(c.hashFunction()).isEqualTo(Multihash.SHA2_256);
    assertThat(c.toString()).isEqualTo(s);
  }

  @Test
  void identityCidOfActorCode() {
    // actor code CIDs are raw identity CIDs of their names (specs-actors builtin codes)
    Cid c = Cid.of(Cid.RAW, Multihash.IDENTITY, "fil/1/account".getBytes(StandardCharsets.UTF_8));
    assertThat(c.toString()).isEqualTo("bafkqadlgnfwc6mjpmfrwg33vnz2a");
    assertThat(new String(c.digest(), StandardCharsets.UTF_8)).isEqualTo("fil/1/account");
  }

  @Test
  void hashesDagCborWithBlake2b() {
    // the CID of the CBOR empty array 0x80, computed independently
    Cid c = Cid.ofDagCbor(new byte[] {(byte) 0x80});
    assertThat(c.matches(new byte[] {(byte) 0x80})).isTrue();
    assertThat(c.matches(new byte[] {(byte) 0x81})).isFalse();
    assertThat(c.toString()).startsWith("bafy2bzace");
  }

  @Test
  void rejectsMalformedCids() {
    assertThatThrownBy(() -> Cid.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cid.parse("xabc")).hasMessageContaining("multibase prefix");
    assertThatThrownBy(
            () -> Cid.parse("bafy2bzacecnamqgqmifpluoeldx7zzglxcljo6oja4vrmtj7432rphldpdmm"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cid.fromBytes(new byte[] {2, 0x71, 0, 0}))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> Cid.fromBytes(new byte[] {1, 0x71, 0x12, 0x20, 1}))
        .hasMessageContaining("digest length");
    assertThatThrownBy(() -> Cid.fromBytes(new byte[] {1, (byte) 0xF1, 0}))
        .hasMessageContaining("varint");
    assertThatThrownBy(() -> Cid.fromBytes(new byte[] {1, (byte) 0xF1, 0x00, 0x00, 0}))
        .hasMessageContaining("minimally");
  }

  @Property
  void bytesAndStringsRoundTrip(@ForAll byte[] data) {
    Cid c = Cid.ofDagCbor(data);
    assertThat(Cid.fromBytes(c.bytes())).isEqualTo(c);
    assertThat(Cid.parse(c.toString())).isEqualTo(c);
    assertThat(Cid.parse("z" + Multibase.encodeBase58(c.bytes()))).isEqualTo(c);
  }

  @Property
  void base32AndBase58RoundTrip(@ForAll byte[] data) {
    assertThat(Multibase.decodeBase32(Multibase.encodeBase32(data))).isEqualTo(data);
    assertThat(Multibase.decodeBase58(Multibase.encodeBase58(data))).isEqualTo(data);
  }
}
