package io.filnode.chain.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * secp256k1 the way Lotus uses it (go-crypto over libsecp256k1): private keys are 32 bytes
 * big-endian, signatures are 65 bytes r‖s‖v over a 32-byte digest, and verification recovers the
 * public key.
 *
 * <p>Acceptance rules on recovery, as go-crypto's {@code EcRecover} applies them: the signature is
 * exactly 65 bytes; v is 0, 1, 2 or 3 (anything else is refused before the curve is touched); r and
 * s must be in 1..n-1; high s is accepted (libsecp256k1's recovery does not enforce low s); v ≥ 2
 * means x = r + n, which must be below p. Signing always yields low s and v in {0, 1} in practice.
 *
 * <p>{@link #get()} uses libsecp256k1 over JNI and falls back to BouncyCastle where the native
 * library does not load; the system property {@code filnode.secp256k1=java} forces the fallback.
 */
public final class Secp256k1 {
  public static final int PRIVATE_KEY_BYTES = 32;
  public static final int PUBLIC_KEY_BYTES = 65;
  public static final int SIGNATURE_BYTES = 65;
  public static final int DIGEST_BYTES = 32;

  private static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  private static final Secp256k1 DEFAULT = new Secp256k1(loadBackend());

  private final Secp256k1Backend backend;

  public Secp256k1(Secp256k1Backend backend) {
    this.backend = backend;
  }

  /** The process-wide instance over the fastest backend that loads. */
  public static Secp256k1 get() {
    return DEFAULT;
  }

  private static Secp256k1Backend loadBackend() {
    if ("java".equals(System.getProperty("filnode.secp256k1"))) {
      return new JavaSecp256k1();
    }
    try {
      return new NativeSecp256k1();
    } catch (LinkageError | RuntimeException e) {
      System.getLogger(Secp256k1.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "native libsecp256k1 did not load ({0}); using the slower pure-Java secp256k1",
              e.toString());
      return new JavaSecp256k1();
    }
  }

  public Secp256k1Backend backend() {
    return backend;
  }

  /** True when {@code privateKey} is 32 bytes encoding a scalar in 1..n-1. */
  public static boolean isValidPrivateKey(byte[] privateKey) {
    if (privateKey == null || privateKey.length != PRIVATE_KEY_BYTES) {
      return false;
    }
    BigInteger d = new BigInteger(1, privateKey);
    return d.signum() > 0 && d.compareTo(N) < 0;
  }

  /** A fresh private key drawn from {@code random}. */
  public static byte[] generatePrivateKey(SecureRandom random) {
    byte[] k = new byte[PRIVATE_KEY_BYTES];
    do {
      random.nextBytes(k);
    } while (!isValidPrivateKey(k));
    return k;
  }

  /** The 65-byte uncompressed public key (0x04 ‖ x ‖ y). */
  public byte[] publicKey(byte[] privateKey) throws CryptoException {
    checkPrivateKey(privateKey);
    return backend.publicKey(privateKey);
  }

  /** The Filecoin f1 address payload: blake2b-160 of the uncompressed public key. */
  public static byte[] addressPayload(byte[] publicKey) {
    return Blake2b.sum160(publicKey);
  }

  /** Signs {@code blake2b-256(message)}, as Lotus signs message CID bytes and block headers. */
  public byte[] sign(byte[] privateKey, byte[] message) throws CryptoException {
    return signDigest(privateKey, Blake2b.sum256(message));
  }

  /** Signs a 32-byte digest: 65 bytes r‖s‖v, deterministic (RFC 6979), low s. */
  public byte[] signDigest(byte[] privateKey, byte[] digest) throws CryptoException {
    checkPrivateKey(privateKey);
    checkDigest(digest);
    byte[] compact = backend.signCompact(privateKey, digest);
    byte[] publicKey = backend.publicKey(privateKey);
    // the compact form drops R's parity; find the recovery id that gives our own key back
    for (int v = 0; v < 4; v++) {
      Optional<byte[]> recovered = backend.recover(compact, v, digest);
      if (recovered.isPresent() && Arrays.equals(recovered.get(), publicKey)) {
        byte[] sig = Arrays.copyOf(compact, SIGNATURE_BYTES);
        sig[64] = (byte) v;
        return sig;
      }
    }
    throw new IllegalStateException("secp256k1: no recovery id reproduces the signer's key");
  }

  /** Recovers the public key that signed {@code blake2b-256(message)}; empty if invalid. */
  public Optional<byte[]> recover(byte[] message, byte[] signature) {
    return recoverDigest(Blake2b.sum256(message), signature);
  }

  /** Recovers the 65-byte public key from a 65-byte signature over a 32-byte digest. */
  public Optional<byte[]> recoverDigest(byte[] digest, byte[] signature) {
    if (digest == null || digest.length != DIGEST_BYTES) {
      return Optional.empty();
    }
    if (signature == null || signature.length != SIGNATURE_BYTES) {
      return Optional.empty();
    }
    int v = signature[64] & 0xff;
    if (v > 3) {
      return Optional.empty();
    }
    return backend.recover(Arrays.copyOf(signature, 64), v, digest);
  }

  /**
   * Lotus's secp256k1 check: recover the key from the signature over {@code blake2b-256(message)}
   * and compare its address payload with {@code addressPayload} (the 20 bytes of an f1 address).
   */
  public boolean verify(byte[] signature, byte[] message, byte[] addressPayload) {
    Optional<byte[]> pub = recover(message, signature);
    return pub.isPresent() && Arrays.equals(addressPayload(pub.get()), addressPayload);
  }

  private static void checkPrivateKey(byte[] privateKey) throws CryptoException {
    if (!isValidPrivateKey(privateKey)) {
      throw new CryptoException(
          "secp256k1 private key must be 32 bytes encoding a scalar in 1..n-1");
    }
  }

  private static void checkDigest(byte[] digest) {
    if (digest == null || digest.length != DIGEST_BYTES) {
      throw new IllegalArgumentException("secp256k1 signs a 32-byte digest");
    }
  }
}
