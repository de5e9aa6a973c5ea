package io.filnode.net.identity;

import io.filnode.net.wire.DecodeException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The host key in a file: the libp2p {@code PrivateKey} protobuf, owner-only (0600) where the file
 * system has POSIX permissions. Written to a temporary file and moved into place so a crash never
 * leaves half a key.
 */
public final class PeerKeyStore {
  private static final long MAX_FILE_BYTES = KeyCodec.MAX_KEY_BYTES;

  private PeerKeyStore() {}

  /** Reads the key in {@code file}. */
  public static PrivKey load(Path file) throws IOException, DecodeException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new DecodeException("key file " + file + " is too large to be a key");
    }
    try {
      return KeyCodec.decodePrivate(Files.readAllBytes(file));
    } catch (DecodeException e) {
      throw new DecodeException("key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code key} to {@code file}, refusing to overwrite an existing key. */
  public static void save(Path file, PrivKey key) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString(), null, "a host key is already there");
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".key", ".tmp");
    try {
      restrict(tmp);
      Files.write(tmp, key.bytes());
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Loads the key in {@code file}, first creating a new Ed25519 key there if there is none. */
  public static PrivKey loadOrCreate(Path file, SecureRandom random)
      throws IOException, DecodeException {
    if (!Files.exists(file)) {
      save(file, Ed25519Keys.generate(random));
    }
    return load(file);
  }

  private static void restrict(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing finer to set
    }
  }
}
