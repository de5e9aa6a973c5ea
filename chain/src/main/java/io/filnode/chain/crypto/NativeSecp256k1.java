package io.filnode.chain.crypto;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Optional;

/**
 * libsecp256k1 (bitcoin-core) through ACINQ's JNI binding. The same C library Lotus linked through
 * go-ethereum's secp256k1 package, so signing and recovery agree by construction.
 */
public final class NativeSecp256k1 implements Secp256k1Backend {
  private final fr.acinq.secp256k1.Secp256k1 lib;

  /**
   * Loads the native library.
   *
   * @throws LinkageError when no native build fits this platform
   */
  public NativeSecp256k1() {
    this.lib = fr.acinq.secp256k1.Secp256k1.Companion.get();
  }

  @Override
  public String name() {
    return "libsecp256k1-jni";
  }

  @Override
  public byte[] publicKey(byte[] privateKey) {
    return lib.pubkeyCreate(privateKey);
  }

  @Override
  public byte[] signCompact(byte[] privateKey, byte[] digest) {
    // secp256k1_ecdsa_sign with the default nonce function is RFC 6979 and always yields low s
    return lib.sign(digest, privateKey);
  }

  @Override
  public Optional<byte[]> recover(byte[] compact, int recoveryId, byte[] digest) {
    try {
      return Optional.of(lib.ecdsaRecover(compact, digest, recoveryId));
    } catch (Secp256k1Exception e) {
      return Optional.empty();
    }
  }
}
