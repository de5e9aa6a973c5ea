package io.filnode.node.keystore;

import io.filnode.chain.cid.Multibase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The repo's {@code keystore/} directory in Lotus's layout: one file per key, named by the unpadded
 * upper-case base32 of the key name ({@code wallet-<address>}, {@code default}), holding the
 * KeyInfo JSON. The directory is 0700 and files 0600; a key file with any group or other permission
 * bit is refused, as Lotus refuses it. Writes go to a temporary file that is synced and then
 * renamed, so a crash leaves either the whole key or none.
 */
public final class FsKeyStore {
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final String TRASH_PREFIX = "trash-";
  private static final String TEMP_PREFIX = ".tmp-";

  private final Path dir;
  private final Optional<KeyFileCipher> cipher;

  private FsKeyStore(Path dir, Optional<KeyFileCipher> cipher) {
    this.dir = dir;
    this.cipher = cipher;
  }

  /**
   * Opens (creating with mode 0700 if needed) the keystore at {@code dir}; with a cipher, new keys
   * are written encrypted and encrypted keys can be read. Leftover temporary files of an
   * interrupted write are removed.
   */
  public static FsKeyStore open(Path dir, Optional<KeyFileCipher> cipher) throws KeyStoreException {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
      }
      Files.setPosixFilePermissions(dir, DIR_MODE);
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
        for (Path p : ds) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new KeyStoreException("opening keystore " + dir + ": " + e.getMessage(), e);
    }
    return new FsKeyStore(dir, cipher);
  }

  public Path directory() {
    return dir;
  }

  /** The file name Lotus gives a key: base32 (RFC 4648, upper case, no padding) of its name. */
  public static String fileName(String keyName) {
    return Multibase.encodeBase32(keyName.getBytes(StandardCharsets.UTF_8))
        .toUpperCase(Locale.ROOT);
  }

  static String keyName(String fileName) throws KeyStoreException {
    if (!fileName.equals(fileName.toUpperCase(Locale.ROOT))) {
      throw new KeyStoreException("decoding key: '" + fileName + "': not upper-case base32");
    }
    try {
      return new String(
          Multibase.decodeBase32(fileName.toLowerCase(Locale.ROOT)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException("decoding key: '" + fileName + "': " + e.getMessage(), e);
    }
  }

  /** The names of all keys, refusing (as Lotus) when any key file is readable by others. */
  public List<String> list() throws KeyStoreException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String f = p.getFileName().toString();
        if (f.startsWith(TEMP_PREFIX)) {
          continue; // a write in progress
        }
        checkPermissions(f, p);
        names.add(keyName(f));
      }
    } catch (IOException e) {
      throw new KeyStoreException("reading keystore dir " + dir + ": " + e.getMessage(), e);
    }
    names.sort(null);
    return names;
  }

  /** True when a key of this name exists. */
  public boolean has(String name) {
    return Files.exists(dir.resolve(fileName(name)));
  }

  /** Reads a key. */
  public KeyInfo get(String name) throws KeyStoreException {
    byte[] content = read(name);
    try {
      return KeyInfo.fromJson(content);
    } catch (KeyStoreException e) {
      throw new KeyStoreException("decoding key '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * Reads a secret stored by {@link #putSecret}: Lotus keeps the API's JWT key as a KeyInfo of type
   * {@code jwt-hmac-secret}, which is no signature type.
   */
  public byte[] getSecret(String name, String type) throws KeyStoreException {
    return KeyInfo.secretFromJson(read(name), type);
  }

  /** Stores a secret as a KeyInfo JSON of {@code type}; refuses to overwrite. */
  public void putSecret(String name, String type, byte[] secret) throws KeyStoreException {
    write(name, KeyInfo.secretToJson(type, secret));
  }

  /** The name of the first key (in name order) stored encrypted, if any. */
  public Optional<String> firstEncryptedKey() throws KeyStoreException {
    for (String name : list()) {
      if (KeyFileCipher.isEncrypted(readFile(name))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** A key file's content, decrypted when it is stored encrypted. */
  private byte[] read(String name) throws KeyStoreException {
    byte[] content = readFile(name);
    if (KeyFileCipher.isEncrypted(content)) {
      if (cipher.isEmpty()) {
        throw new KeyStoreException(
            "key '" + name + "' is encrypted: give the passphrase with --keystore-passphrase-file");
      }
      content = cipher.get().decrypt(name, content);
    }
    return content;
  }

  private byte[] readFile(String name) throws KeyStoreException {
    Path p = dir.resolve(fileName(name));
    try {
      checkPermissions(name, p);
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new KeyStoreException("opening key '" + name + "': key info not found", e);
    } catch (IOException e) {
      throw new KeyStoreException("opening key '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * Stores a new key; refuses to overwrite an existing one, as Lotus does. As in Lotus, a key named
   * {@code trash-…} (where the wallet keeps deleted keys) that exists already is stored under the
   * first free name {@code trash-…-1}, {@code trash-…-2}, …
   */
  public void put(String rawName, KeyInfo info) throws KeyStoreException {
    write(freeName(rawName), info.toJson());
  }

  private String freeName(String rawName) {
    String name = rawName;
    for (int retries = 1; name.startsWith(TRASH_PREFIX) && has(name); retries++) {
      name = rawName + "-" + retries;
    }
    return name;
  }

  private void write(String name, byte[] json) throws KeyStoreException {
    Path target = dir.resolve(fileName(name));
    if (Files.exists(target)) {
      throw new KeyStoreException("checking key before put '" + name + "': key already exists");
    }
    byte[] content = cipher.map(c -> c.encrypt(name, json)).orElse(json);
    Path tmp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(FILE_MODE))) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      // the umask may have narrowed the mode at creation, never widened it; make it exact
      Files.setPosixFilePermissions(tmp, FILE_MODE);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory();
    } catch (FileAlreadyExistsException e) {
      throw new KeyStoreException("writing key '" + name + "': key already exists", e);
    } catch (IOException e) {
      throw new KeyStoreException("writing key '" + name + "': " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: open() removes leftovers
      }
    }
  }

  /** Removes a key. */
  public void delete(String name) throws KeyStoreException {
    try {
      Files.delete(dir.resolve(fileName(name)));
      syncDirectory();
    } catch (NoSuchFileException e) {
      throw new KeyStoreException("checking key before delete '" + name + "': not found", e);
    } catch (IOException e) {
      throw new KeyStoreException("deleting key '" + name + "': " + e.getMessage(), e);
    }
  }

  private void syncDirectory() throws IOException {
    // makes the rename itself durable (Linux allows fsync on a directory opened for reading)
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  private static void checkPermissions(String name, Path p) throws IOException, KeyStoreException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
    for (PosixFilePermission perm : perms) {
      if (!perm.name().startsWith("OWNER")) {
        throw new KeyStoreException(
            "permissions of key: '"
                + name
                + "' are too relaxed, required: 0600, got: "
                + PosixFilePermissions.toString(perms));
      }
    }
  }
}
