package io.filnode.node.cli;

import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.keystore.KeyFileCipher;
import io.filnode.node.keystore.KeyStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --keystore-passphrase-file FILE}, for the commands that open the repo's keystore to mix in
 * (the daemon and wallet commands, when they exist). With it, new keys are written encrypted and
 * encrypted keys can be read; without it the keystore is Lotus's plain one.
 */
public final class KeystoreOptions {
  @Option(
      names = "--keystore-passphrase-file",
      paramLabel = "FILE",
      description =
          "read the keystore passphrase from FILE (one trailing newline is ignored); keys are then"
              + " stored encrypted (scrypt + AES-256-GCM), which Lotus cannot read")
  Path passphraseFile;

  /**
   * Opens {@code repo}/keystore. With a passphrase, it is checked at once against one encrypted key
   * when there is one, so that a wrong passphrase is reported before any work starts.
   *
   * @throws KeyStoreException with a message naming the option when the passphrase is unreadable,
   *     empty or wrong
   */
  public FsKeyStore open(Path repo) throws KeyStoreException {
    Optional<KeyFileCipher> cipher = cipher();
    FsKeyStore store = FsKeyStore.open(repo.resolve("keystore"), cipher);
    if (cipher.isPresent()) {
      Optional<String> encrypted = store.firstEncryptedKey();
      if (encrypted.isPresent()) {
        try {
          store.get(encrypted.get());
        } catch (KeyStoreException e) {
          throw new KeyStoreException(
              "--keystore-passphrase-file " + passphraseFile + ": " + e.getMessage(), e);
        }
      }
    }
    return store;
  }

  private Optional<KeyFileCipher> cipher() throws KeyStoreException {
    if (passphraseFile == null) {
      return Optional.empty();
    }
    byte[] passphrase;
    try {
      passphrase = Files.readAllBytes(passphraseFile);
    } catch (NoSuchFileException e) {
      throw new KeyStoreException(
          "--keystore-passphrase-file " + passphraseFile + ": no such file", e);
    } catch (IOException e) {
      throw new KeyStoreException(
          "--keystore-passphrase-file " + passphraseFile + ": " + e.getMessage(), e);
    }
    int end = passphrase.length;
    if (end > 0 && passphrase[end - 1] == '\n') {
      end--;
      if (end > 0 && passphrase[end - 1] == '\r') {
        end--;
      }
    }
    if (end == 0) {
      throw new KeyStoreException("--keystore-passphrase-file " + passphraseFile + " is empty");
    }
    byte[] trimmed = Arrays.copyOf(passphrase, end);
    Arrays.fill(passphrase, (byte) 0);
    try {
      return Optional.of(new KeyFileCipher(trimmed, new SecureRandom()));
    } finally {
      Arrays.fill(trimmed, (byte) 0);
    }
  }
}
