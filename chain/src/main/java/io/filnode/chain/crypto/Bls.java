package io.filnode.chain.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;
import supranational.blst.Pairing;
import supranational.blst.SecretKey;

/**
 * BLS12-381 signatures as Filecoin uses them (filecoin-ffi's bls-signatures): public keys are
 * 48-byte compressed G1 points, signatures 96-byte compressed G2 points, messages are hashed to G2
 * with the DST {@value #DST}, and private keys are 32-byte <em>little-endian</em> scalars (the
 * order Lotus's KeyInfo holds them in).
 *
 * <p>Rejected, as bls-signatures rejects them: encodings of the wrong length or without the
 * compression flag, non-canonical encodings (coordinate not below p, stray flag bits), points not
 * on the curve or outside the prime-order subgroup, the point at infinity as a public key, repeated
 * messages in an aggregate, and empty or mismatched lists. A signature at infinity is refused too:
 * it cannot verify against non-identity keys over distinct messages.
 */
public final class Bls {
  /** Filecoin's ciphersuite: hash to G2 (XMD SHA-256, SSWU, random oracle), no augmentation. */
  public static final String DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";

  public static final int PRIVATE_KEY_BYTES = 32;
  public static final int PUBLIC_KEY_BYTES = 48;
  public static final int SIGNATURE_BYTES = 96;

  private static final BigInteger R =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  /** Below this many pairs a parallel aggregate verification is not worth its overhead. */
  private static final int MIN_PAIRS_PER_TASK = 32;

  private Bls() {}

  /** A fresh private key (little-endian) derived from 32 random bytes by blst's key generation. */
  public static byte[] generatePrivateKey(SecureRandom random) {
    byte[] ikm = new byte[32];
    random.nextBytes(ikm);
    SecretKey sk = new SecretKey();
    sk.keygen(ikm);
    return sk.to_lendian();
  }

  /** The 48-byte compressed public key of a little-endian private key. */
  public static byte[] publicKey(byte[] privateKey) throws CryptoException {
    return new P1(secretKey(privateKey)).compress();
  }

  /** The 96-byte compressed signature of {@code message} (for Filecoin: the CID bytes). */
  public static byte[] sign(byte[] privateKey, byte[] message) throws CryptoException {
    SecretKey sk = secretKey(privateKey);
    return new P2().hash_to(message, DST).sign_with(sk).compress();
  }

  /** Verifies one signature over one message against one public key. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      P1_Affine pk = decodePublicKey(publicKey);
      P2_Affine sig = decodeSignature(signature);
      return sig.core_verify(pk, true, message, DST) == BLST_ERROR.BLST_SUCCESS;
    } catch (CryptoException e) {
      return false;
    }
  }

  /**
   * Adds signatures into one aggregate (a block's BLS aggregate).
   *
   * @throws CryptoException when the list is empty or a signature does not decode
   */
  public static byte[] aggregate(List<byte[]> signatures) throws CryptoException {
    if (signatures.isEmpty()) {
      throw new CryptoException("cannot aggregate zero BLS signatures");
    }
    P2 acc = new P2();
    for (byte[] s : signatures) {
      acc.aggregate(decodeSignature(s));
    }
    return acc.compress();
  }

  /** Aggregate verification over distinct messages, on the calling thread. */
  public static boolean aggregateVerify(
      List<byte[]> publicKeys, List<byte[]> messages, byte[] signature) {
    return aggregateVerify(publicKeys, messages, signature, Runnable::run, 1);
  }

  /**
   * Aggregate verification over distinct messages: true when e(g1, σ) = ∏ e(pk_i, H(m_i)). The
   * pairs are split into up to {@code parallelism} independent Miller-loop batches run on {@code
   * executor}, then merged for the single final exponentiation.
   */
  public static boolean aggregateVerify(
      List<byte[]> publicKeys,
      List<byte[]> messages,
      byte[] signature,
      Executor executor,
      int parallelism) {
    int n = messages.size();
    if (n == 0 || publicKeys.size() != n || !distinct(messages)) {
      return false;
    }
    P2_Affine sig;
    try {
      sig = decodeSignature(signature);
    } catch (CryptoException e) {
      return false;
    }
    int tasks = Math.max(1, Math.min(parallelism, n / MIN_PAIRS_PER_TASK));
    List<CompletableFuture<Pairing>> parts = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      int from = (int) ((long) n * t / tasks);
      int to = (int) ((long) n * (t + 1) / tasks);
      parts.add(
          CompletableFuture.supplyAsync(
              () -> millerLoops(publicKeys.subList(from, to), messages.subList(from, to)),
              executor));
    }
    Pairing acc = null;
    for (CompletableFuture<Pairing> part : parts) {
      Pairing p = part.join();
      if (p == null) {
        return false;
      }
      if (acc == null) {
        acc = p;
      } else if (acc.merge(p) != BLST_ERROR.BLST_SUCCESS) {
        return false;
      }
    }
    return acc.finalverify(new PT(sig));
  }

  /** One batch of e(pk_i, H(m_i)); null when a key is invalid. */
  private static Pairing millerLoops(List<byte[]> publicKeys, List<byte[]> messages) {
    Pairing pairing = new Pairing(true, DST);
    for (int i = 0; i < messages.size(); i++) {
      P1_Affine pk;
      try {
        pk = decodePublicKey(publicKeys.get(i));
      } catch (CryptoException e) {
        return null;
      }
      if (pairing.aggregate(pk, null, messages.get(i)) != BLST_ERROR.BLST_SUCCESS) {
        return null;
      }
    }
    pairing.commit();
    return pairing;
  }

  private static boolean distinct(List<byte[]> messages) {
    Set<ByteBuffer> seen = new HashSet<>();
    for (byte[] m : messages) {
      if (!seen.add(ByteBuffer.wrap(m))) {
        return false;
      }
    }
    return true;
  }

  /** Decodes a public key, refusing every form bls-signatures refuses (see the class doc). */
  public static P1_Affine decodePublicKey(byte[] encoded) throws CryptoException {
    if (encoded == null || encoded.length != PUBLIC_KEY_BYTES) {
      throw new CryptoException("a BLS public key is 48 bytes");
    }
    checkFlags(encoded, "public key");
    P1_Affine p;
    try {
      p = new P1_Affine(encoded);
    } catch (RuntimeException e) {
      throw new CryptoException("BLS public key does not decode: " + e.getMessage(), e);
    }
    if (!p.in_group()) {
      throw new CryptoException("BLS public key is not in the G1 subgroup");
    }
    return p;
  }

  /** Decodes a signature, refusing every form bls-signatures refuses (see the class doc). */
  public static P2_Affine decodeSignature(byte[] encoded) throws CryptoException {
    if (encoded == null || encoded.length != SIGNATURE_BYTES) {
      throw new CryptoException("a BLS signature is 96 bytes");
    }
    checkFlags(encoded, "signature");
    P2_Affine p;
    try {
      p = new P2_Affine(encoded);
    } catch (RuntimeException e) {
      throw new CryptoException("BLS signature does not decode: " + e.getMessage(), e);
    }
    if (!p.in_group()) {
      throw new CryptoException("BLS signature is not in the G2 subgroup");
    }
    return p;
  }

  /** The compression flag must be set and the infinity flag clear (0xc0… is infinity). */
  private static void checkFlags(byte[] encoded, String what) throws CryptoException {
    if ((encoded[0] & 0x80) == 0) {
      throw new CryptoException("BLS " + what + " is not in compressed form");
    }
    if ((encoded[0] & 0x40) != 0) {
      throw new CryptoException("BLS " + what + " is the point at infinity");
    }
  }

  private static SecretKey secretKey(byte[] privateKey) throws CryptoException {
    if (privateKey == null || privateKey.length != PRIVATE_KEY_BYTES) {
      throw new CryptoException("a BLS private key is 32 bytes");
    }
    byte[] be = new byte[PRIVATE_KEY_BYTES];
    for (int i = 0; i < PRIVATE_KEY_BYTES; i++) {
      be[i] = privateKey[PRIVATE_KEY_BYTES - 1 - i];
    }
    BigInteger k = new BigInteger(1, be);
    // bls-signatures refuses scalars not below r; zero would sign everything with infinity
    if (k.signum() == 0 || k.compareTo(R) >= 0) {
      throw new CryptoException("BLS private key is not a scalar in 1..r-1 (little-endian)");
    }
    SecretKey sk = new SecretKey();
    sk.from_lendian(privateKey);
    return sk;
  }
}
