package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.types.SignatureType;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.keystore.KeyInfo;
import io.filnode.node.keystore.KeyStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class KeystoreOptionsTest {
  @TempDir Path tmp;

  /** A command that mixes the options in, as the daemon and wallet commands will. */
  @Command(name = "uses-keystore")
  static final class UsesKeystore implements Runnable {
    @Mixin KeystoreOptions keystore;

    @Override
    public void run() {}
  }

  private static FsKeyStore open(Path repo, String... args) throws KeyStoreException {
    UsesKeystore cmd = new UsesKeystore();
    new CommandLine(cmd).parseArgs(args);
    return cmd.keystore.open(repo);
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static final KeyInfo KEY = new KeyInfo(SignatureType.BLS, new byte[] {1, 2, 3, 4});

  @Test
  void thePassphraseFileOpensAnEncryptedKeystore() throws Exception {
    Path repo = tmp.resolve("repo");
    String pass = file("pass", "correct horse\n").toString();
    open(repo, "--keystore-passphrase-file", pass).put("default", KEY);
    byte[] onDisk = Files.readAllBytes(repo.resolve("keystore").resolve("MRSWMYLVNR2A"));
    assertThat(new String(onDisk, StandardCharsets.UTF_8)).contains("\"Kdf\":\"scrypt\"");

    assertThat(open(repo, "--keystore-passphrase-file", pass).get("default")).isEqualTo(KEY);
    // the trailing newline is not part of the passphrase
    String bare = file("bare", "correct horse").toString();
    assertThat(open(repo, "--keystore-passphrase-file", bare).get("default")).isEqualTo(KEY);
    // without the option the keystore opens, and the key says what it needs
    assertThatThrownBy(() -> open(repo).get("default"))
        .hasMessageContaining("--keystore-passphrase-file");
  }

  @Test
  void aWrongPassphraseIsReportedWhenTheKeystoreOpens() throws Exception {
    Path repo = tmp.resolve("repo");
    open(repo, "--keystore-passphrase-file", file("pass", "correct horse\n").toString())
        .put("default", KEY);
    String wrong = file("wrong", "battery staple\n").toString();
    assertThatThrownBy(() -> open(repo, "--keystore-passphrase-file", wrong))
        .isInstanceOf(KeyStoreException.class)
        .hasMessage(
            "--keystore-passphrase-file "
                + wrong
                + ": key 'default': wrong passphrase or damaged file (authentication failed)");
  }

  @Test
  void unreadableOrEmptyPassphraseFilesAreClearErrors() throws Exception {
    Path repo = tmp.resolve("repo");
    String missing = tmp.resolve("nope").toString();
    assertThatThrownBy(() -> open(repo, "--keystore-passphrase-file", missing))
        .hasMessage("--keystore-passphrase-file " + missing + ": no such file");
    String empty = file("empty", "\n").toString();
    assertThatThrownBy(() -> open(repo, "--keystore-passphrase-file", empty))
        .hasMessage("--keystore-passphrase-file " + empty + " is empty");
  }

  @Test
  void withoutTheOptionKeysAreLotusPlainJson() throws Exception {
    Path repo = tmp.resolve("repo");
    open(repo).put("default", KEY);
    assertThat(Files.readString(repo.resolve("keystore").resolve("MRSWMYLVNR2A")))
        .isEqualTo("{\"Type\":\"bls\",\"PrivateKey\":\"AQIDBA==\"}");
  }
}
