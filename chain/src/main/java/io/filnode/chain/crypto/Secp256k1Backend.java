package io.filnode.chain.crypto;

import java.util.Optional;

/**
 * One implementation of the secp256k1 operations Filecoin needs, over raw byte arrays. Callers use
 * {@link Secp256k1}, which checks lengths and ranges before it gets here.
 */
public interface Secp256k1Backend {
  /** A short name for logs and benchmarks. */
  String name();

  /** The 65-byte uncompressed public key of a valid 32-byte big-endian private key. */
  byte[] publicKey(byte[] privateKey);

  /**
   * The 64-byte compact signature r‖s of a 32-byte digest: RFC 6979 nonce (HMAC-SHA256, no extra
   * data), s normalised to the low half.
   */
  byte[] signCompact(byte[] privateKey, byte[] digest);

  /**
   * Recovers the 65-byte uncompressed public key from r‖s (64 bytes) and a recovery id 0..3, or
   * empty when libsecp256k1 would refuse: r or s zero or not below n, x = r + n·(id/2) not below p,
   * no point with that x, or the recovered point at infinity. High s is accepted, as libsecp256k1's
   * recovery (and so Lotus) accepts it.
   */
  Optional<byte[]> recover(byte[] compact, int recoveryId, byte[] digest);
}
