package io.filnode.chain.cid;

import io.filnode.chain.crypto.Blake2b;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Multihash function codes and digests for the hashes Filecoin uses. */
public final class Multihash {
  public static final long IDENTITY = 0x00;
  public static final long SHA2_256 = 0x12;
  public static final long BLAKE2B_256 = 0xb220;
  public static final long POSEIDON_BLS12_381_A1_FC1 = 0xb401;
  public static final long SHA2_256_TRUNC254_PADDED = 0x1012;

  /** The largest identity digest we accept when building a CID from data. */
  public static final int MAX_IDENTITY_LENGTH = 128;

  private Multihash() {}

  /** True for hash functions this node can compute (and so check on read). */
  public static boolean canCompute(long code) {
    return code == IDENTITY || code == SHA2_256 || code == BLAKE2B_256;
  }

  /** The digest of {@code data} under hash function {@code code}. */
  public static byte[] digest(long code, byte[] data) {
    if (code == BLAKE2B_256) {
      return Blake2b.sum256(data);
    } else if (code == SHA2_256) {
      return sha256(data);
    } else if (code == IDENTITY) {
      return data.clone();
    }
    throw new IllegalArgumentException("unsupported multihash code 0x" + Long.toHexString(code));
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  public static String name(long code) {
    if (code == IDENTITY) {
      return "identity";
    } else if (code == SHA2_256) {
      return "sha2-256";
    } else if (code == BLAKE2B_256) {
      return "blake2b-256";
    } else if (code == POSEIDON_BLS12_381_A1_FC1) {
      return "poseidon-bls12_381-a2-fc1";
    } else if (code == SHA2_256_TRUNC254_PADDED) {
      return "sha2-256-trunc254-padded";
    }
    return "0x" + Long.toHexString(code);
  }
}
