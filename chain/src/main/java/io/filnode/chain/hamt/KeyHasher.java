package io.filnode.chain.hamt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash of a key that places it in a HAMT. Filecoin uses SHA-256 of the key bytes; the digest
 * length bounds the depth (digest bits / bit width levels).
 */
@FunctionalInterface
public interface KeyHasher {
  byte[] hash(byte[] key);

  /** SHA-256 of the key bytes, as every Filecoin HAMT uses. */
  KeyHasher SHA256 = new Sha256Hasher();

  /** SHA-256 with a digest per thread, since MessageDigest.getInstance is costly per call. */
  final class Sha256Hasher implements KeyHasher {
    private static final ThreadLocal<MessageDigest> DIGEST =
        ThreadLocal.withInitial(
            () -> {
              try {
                return MessageDigest.getInstance("SHA-256");
              } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-256", e);
              }
            });

    private Sha256Hasher() {}

    @Override
    public byte[] hash(byte[] key) {
      return DIGEST.get().digest(key);
    }

    @Override
    public String toString() {
      return "sha256";
    }
  }
}
