package io.filnode.node.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.types.SignatureType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsKeyStoreTest {
  @TempDir Path tmp;

  private static KeyInfo key(SignatureType t, int seed) {
    byte[] k = new byte[32];
    k[0] = (byte) seed;
    k[31] = 7;
    return new KeyInfo(t, k);
  }

  @Test
  void fileNamesAreLotusBase32OfTheKeyName() {
    // the name of the default key file in every Lotus keystore
    assertThat(FsKeyStore.fileName("default")).isEqualTo("MRSWMYLVNR2A");
  }

  @Test
  void putGetListDeleteWithLotusModes() throws Exception {
    Path dir = tmp.resolve("keystore");
    FsKeyStore ks = FsKeyStore.open(dir, Optional.empty());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    KeyInfo a = key(SignatureType.SECP256K1, 1);
    KeyInfo b = key(SignatureType.BLS, 2);
    ks.put("wallet-f1abc", a);
    ks.put("default", b);
    assertThat(ks.list()).containsExactly("default", "wallet-f1abc");
    assertThat(ks.get("wallet-f1abc")).isEqualTo(a);
    assertThat(ks.get("default")).isEqualTo(b);
    Path file = dir.resolve(FsKeyStore.fileName("default"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    // Lotus's plain JSON on disk
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
        .startsWith("{\"Type\":\"bls\",\"PrivateKey\":\"");
    assertThatThrownBy(() -> ks.put("default", a)).hasMessageContaining("already exists");
    ks.delete("default");
    assertThat(ks.list()).containsExactly("wallet-f1abc");
    assertThatThrownBy(() -> ks.get("default")).hasMessageContaining("not found");
    assertThat(dir).isDirectoryNotContaining("glob:**/.tmp-*");
  }

  @Test
  void refusesKeyFilesOthersCanRead() throws Exception {
    FsKeyStore ks = FsKeyStore.open(tmp, Optional.empty());
    ks.put("default", key(SignatureType.BLS, 3));
    Path file = tmp.resolve(FsKeyStore.fileName("default"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> ks.get("default"))
        .isInstanceOf(KeyStoreException.class)
        .hasMessage(
            "permissions of key: 'default' are too relaxed, required: 0600, got: rw-r-----");
    assertThatThrownBy(ks::list).hasMessageContaining("too relaxed");
  }

  @Test
  void leftoverTempFilesAreIgnoredAndCleanedOnOpen() throws Exception {
    FsKeyStore ks = FsKeyStore.open(tmp, Optional.empty());
    Files.write(tmp.resolve(".tmp-crashed"), new byte[] {'{'});
    assertThat(ks.list()).isEmpty();
    FsKeyStore.open(tmp, Optional.empty());
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void passphraseEncryptionRoundTripsAndNeedsThePassphrase() throws Exception {
    KeyFileCipher cipher =
        new KeyFileCipher("correct horse".getBytes(StandardCharsets.UTF_8), new SecureRandom());
    FsKeyStore ks = FsKeyStore.open(tmp, Optional.of(cipher));
    KeyInfo k = key(SignatureType.SECP256K1, 9);
    ks.put("wallet-f1x", k);
    byte[] onDisk = Files.readAllBytes(tmp.resolve(FsKeyStore.fileName("wallet-f1x")));
    assertThat(new String(onDisk, StandardCharsets.UTF_8))
        .contains("\"Kdf\":\"scrypt\"")
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(k.privateKey()));
    assertThat(ks.get("wallet-f1x")).isEqualTo(k);

    assertThatThrownBy(() -> FsKeyStore.open(tmp, Optional.empty()).get("wallet-f1x"))
        .hasMessageContaining("--keystore-passphrase-file");
    KeyFileCipher wrong =
        new KeyFileCipher("wrong".getBytes(StandardCharsets.UTF_8), new SecureRandom());
    assertThatThrownBy(() -> FsKeyStore.open(tmp, Optional.of(wrong)).get("wallet-f1x"))
        .hasMessageContaining("wrong passphrase");
    // the name is authenticated: a file moved to another key's name does not open
    Files.move(
        tmp.resolve(FsKeyStore.fileName("wallet-f1x")),
        tmp.resolve(FsKeyStore.fileName("default")));
    assertThatThrownBy(() -> ks.get("default")).hasMessageContaining("wrong passphrase");
  }

  @Test
  void plainKeyFilesAreByteForByteWhatLotusWrites() throws Exception {
    // Lotus v1.10.0 fsLockedRepo.put: ioutil.WriteFile(base32(name), json.Marshal(KeyInfo), 0600);
    // Go's encoding/json writes the struct fields in order, compact, with no trailing newline
    FsKeyStore ks = FsKeyStore.open(tmp, Optional.empty());
    byte[] secp = new byte[32];
    secp[31] = 1;
    ks.put("wallet-f1abc", new KeyInfo(SignatureType.SECP256K1, secp));
    assertThat(Files.readString(tmp.resolve(FsKeyStore.fileName("wallet-f1abc"))))
        .isEqualTo(
            "{\"Type\":\"secp256k1\",\"PrivateKey\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE=\"}");

    // and a file as Lotus leaves it reads back
    Path lotusFile = tmp.resolve("MRSWMYLVNR2A"); // base32("default")
    Files.writeString(lotusFile, "{\"Type\":\"bls\",\"PrivateKey\":\"/wD/AA==\"}");
    Files.setPosixFilePermissions(lotusFile, PosixFilePermissions.fromString("rw-------"));
    assertThat(ks.get("default"))
        .isEqualTo(new KeyInfo(SignatureType.BLS, new byte[] {-1, 0, -1, 0}));
    assertThat(ks.list()).containsExactly("default", "wallet-f1abc");
  }

  @Test
  void trashKeysThatExistGetANumberSuffixAsInLotus() throws Exception {
    FsKeyStore ks = FsKeyStore.open(tmp, Optional.empty());
    KeyInfo a = key(SignatureType.SECP256K1, 1);
    KeyInfo b = key(SignatureType.SECP256K1, 2);
    KeyInfo c = key(SignatureType.SECP256K1, 3);
    ks.put("trash-f1abc", a);
    ks.put("trash-f1abc", b);
    ks.put("trash-f1abc", c);
    assertThat(ks.list()).containsExactly("trash-f1abc", "trash-f1abc-1", "trash-f1abc-2");
    assertThat(ks.get("trash-f1abc-2")).isEqualTo(c);
    // only trash keys: any other name is refused when taken
    ks.put("wallet-f1abc", a);
    assertThatThrownBy(() -> ks.put("wallet-f1abc", b)).hasMessageContaining("already exists");
  }

  @Test
  void lotusHexExportRoundTrips() throws Exception {
    KeyInfo k = key(SignatureType.BLS, 4);
    String hex = k.toLotusHex();
    assertThat(KeyInfo.fromLotusHex(hex + "\n")).isEqualTo(k);
    // what `lotus wallet export` prints: hex of {"Type":"bls","PrivateKey":"<base64>"}
    String json =
        "{\"Type\":\"bls\",\"PrivateKey\":\""
            + java.util.Base64.getEncoder().encodeToString(k.privateKey())
            + "\"}";
    assertThat(hex)
        .isEqualTo(java.util.HexFormat.of().formatHex(json.getBytes(StandardCharsets.UTF_8)));
    // the deprecated numeric type Lotus still reads
    assertThat(
            KeyInfo.fromJson(
                    "{\"Type\":1,\"PrivateKey\":\"AQ==\"}".getBytes(StandardCharsets.UTF_8))
                .type())
        .isEqualTo(SignatureType.SECP256K1);
    assertThatThrownBy(() -> KeyInfo.fromLotusHex("zz")).isInstanceOf(KeyStoreException.class);
    assertThatThrownBy(
            () ->
                KeyInfo.fromJson(
                    "{\"Type\":\"ed25519\",\"PrivateKey\":\"AQ==\"}"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("unknown key type");
  }
}
