package io.filnode.net.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.wire.DecodeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerIdTest {
  private static final HexFormat HEX = HexFormat.of();

  // libp2p specs, peer-ids.md "Test vectors"
  private static final String ED25519_PRIV =
      "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  private static final String ED25519_PUB =
      "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  private static final String SECP_PRIV =
      "0802122053DADF1D5A164D6B4ACDB15E24AA4C5B1D3461BDBD42ABEDB0A4404D56CED8FB";
  private static final String SECP_PUB =
      "08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99";
  private static final String ECDSA_PUB =
      "0803125b3059301306072a8648ce3d020106082a8648ce3d03010703420004de3d300fa36ae0e8f5d530899d83abab44abf3161f162a4bc901d8e6ecda020e8b6d5f8da30525e71d6851510c098e5c47c646a597fb4dcec034e9f77c409e62";

  @Test
  void ed25519SpecVectorDerivesPublicKeyAndPeerId() throws Exception {
    PrivKey priv = KeyCodec.decodePrivate(HEX.parseHex(ED25519_PRIV));
    assertThat(HEX.formatHex(priv.publicKey().bytes())).isEqualTo(ED25519_PUB);
    assertThat(HEX.formatHex(priv.bytes())).isEqualTo(ED25519_PRIV);
    // the same key in rust-libp2p's tests prints as this peer ID
    assertThat(priv.publicKey().peerId().toString())
        .isEqualTo("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
  }

  @Test
  void jsPeerSeedVector() {
    byte[] seed = new byte[32];
    seed[31] = 1;
    PeerId id = Ed25519Keys.fromSeed(seed).publicKey().peerId();
    assertThat(id.toString()).isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
  }

  @Test
  void secp256k1SpecVector() throws Exception {
    PrivKey priv = KeyCodec.decodePrivate(HEX.parseHex(SECP_PRIV));
    assertThat(HEX.formatHex(priv.publicKey().bytes())).isEqualTo(SECP_PUB);
    assertThat(HEX.formatHex(priv.bytes())).isEqualToIgnoringCase(SECP_PRIV);
    byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] sig = priv.sign(msg);
    PubKey pub = KeyCodec.decodePublic(HEX.parseHex(SECP_PUB));
    assertThat(pub.verify(msg, sig)).isTrue();
    assertThat(pub.verify("hellp".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    // 37-byte protobuf: inlined as an identity multihash
    assertThat(pub.peerId().bytes()[0]).isEqualTo((byte) 0);
    assertThat(pub.peerId().inlinedKey()).isEqualTo(pub);
  }

  @Test
  void ecdsaSpecVectorHashesItsPeerId() throws Exception {
    PubKey pub = KeyCodec.decodePublic(HEX.parseHex(ECDSA_PUB));
    assertThat(HEX.formatHex(pub.bytes())).isEqualTo(ECDSA_PUB);
    byte[] id = pub.peerId().bytes();
    assertThat(id[0]).isEqualTo((byte) 0x12);
    assertThat(id).hasSize(34);
    assertThat(pub.peerId().toString()).startsWith("Qm");
  }

  @Test
  void ecdsaGoVectorVerifies() throws Exception {
    // go-libp2p v0.49 P-256 key, its peer ID and its signature of "noise-libp2p-static-key:hello"
    PubKey pub =
        KeyCodec.decodePublic(
            HEX.parseHex(
                "0803125b3059301306072a8648ce3d020106082a8648ce3d030107034200045aeb4301c696080333039169ce896ee644373b3924a000a968ec3af9507be376e8c9815be6c588a7d1feafa00a801e4d338cb4976aaae604ec75535bdc5b1bd8"));
    byte[] msg = "noise-libp2p-static-key:hello".getBytes(StandardCharsets.UTF_8);
    byte[] sig =
        HEX.parseHex(
            "30440220073327d029b0ca814587fb09f9cdac24c7cee8f402e3e2f64626b7d47f4de8ca02200427d783c872828e464c5aab2047804f993358d92be35def4e64893b1b11f657");
    assertThat(pub.peerId().toString()).isEqualTo("QmZu9py8NZfiSnsrrB1nYNMZ2WZp4Vr5z37QLftYGzVJiY");
    assertThat(pub.verify(msg, sig)).isTrue();
    assertThat(pub.verify(new byte[] {1, 2, 3}, sig)).isFalse();
  }

  @Test
  void rsaKeysVerify() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(kp.getPrivate());
    byte[] msg = "data".getBytes(StandardCharsets.UTF_8);
    s.update(msg);
    byte[] sig = s.sign();
    byte[] proto = KeyCodec.encode(KeyType.RSA, kp.getPublic().getEncoded());
    PubKey pub = KeyCodec.decodePublic(proto);
    assertThat(pub.verify(msg, sig)).isTrue();
    sig[10] ^= 1;
    assertThat(pub.verify(msg, sig)).isFalse();
    assertThat(pub.peerId().toString()).startsWith("Qm");
  }

  @Test
  void stringFormsRoundTrip() throws Exception {
    PeerId id = Ed25519Keys.generate(new SecureRandom()).publicKey().peerId();
    assertThat(PeerId.fromString(id.toString())).isEqualTo(id);
    assertThat(id.toCidString()).startsWith("bafz");
    assertThat(PeerId.fromString(id.toCidString())).isEqualTo(id);
    assertThat(PeerId.fromBytes(id.bytes())).isEqualTo(id);
  }

  @Test
  void cidFormOfKnownId() throws Exception {
    PeerId id = PeerId.fromString("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
    // base32 of 0x01 0x72 0x00 0x24 ...: every Ed25519 CID peer ID starts "bafzaa"
    assertThat(id.toCidString()).startsWith("bafzaa");
    assertThat(PeerId.fromString(id.toCidString())).isEqualTo(id);
  }

  @Test
  void rejectsMalformed() {
    assertThatThrownBy(() -> PeerId.fromString("Qm0OIl")).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> PeerId.fromBytes(new byte[] {0x12, 0x05, 1, 2, 3, 4, 5}))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> PeerId.fromBytes(new byte[] {0x11, 0x01, 1}))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> KeyCodec.decodePublic(HEX.parseHex("0801122001")))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> KeyCodec.decodePublic(HEX.parseHex("0809")))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void keyStoreRoundTripsAndRestrictsPermissions(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("keystore/libp2p-host");
    PrivKey a = PeerKeyStore.loadOrCreate(f, new SecureRandom());
    PrivKey b = PeerKeyStore.loadOrCreate(f, new SecureRandom());
    assertThat(b.publicKey().peerId()).isEqualTo(a.publicKey().peerId());
    // a HashSet: its order varies between runs
    assertThat(Files.getPosixFilePermissions(f))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    Files.write(f, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> PeerKeyStore.load(f)).isInstanceOf(DecodeException.class);
  }

  @Test
  void secp256k1HostKeyStores(@TempDir Path dir) throws Exception {
    PrivKey k = Secp256k1Keys.generate(new SecureRandom());
    PeerKeyStore.save(dir.resolve("k"), k);
    PrivKey back = PeerKeyStore.load(dir.resolve("k"));
    assertThat(back.publicKey().peerId()).isEqualTo(k.publicKey().peerId());
    assertThat(back.publicKey().peerId().toString()).startsWith("16Uiu2");
  }
}
