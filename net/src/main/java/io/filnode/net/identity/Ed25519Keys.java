package io.filnode.net.identity;

import io.filnode.net.wire.DecodeException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 keys (RFC 8032), the default host key type. Public data is the 32-byte point; private
 * data is the 32-byte seed followed by the public key (64 bytes), as libp2p stores it.
 */
public final class Ed25519Keys {
  private Ed25519Keys() {}

  /** A new random key. */
  public static PrivKey generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(seed);
    return fromSeed(seed);
  }

  /** The key whose RFC 8032 secret (seed) is {@code seed} (32 bytes). */
  public static PrivKey fromSeed(byte[] seed) {
    if (seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
    }
    byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, pub, 0);
    return new Priv(seed.clone(), new Pub(pub));
  }

  static PubKey publicKey(byte[] data) throws DecodeException {
    if (data.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new DecodeException("Ed25519 public key must be 32 bytes, got " + data.length);
    }
    if (!Ed25519.validatePublicKeyPartial(data, 0)) {
      throw new DecodeException("Ed25519 public key is not a valid point");
    }
    return new Pub(data.clone());
  }

  static PrivKey privateKey(byte[] data) throws DecodeException {
    // 64 bytes (seed + public key) is the libp2p form; a bare 32-byte seed is accepted too
    if (data.length != 64 && data.length != 32) {
      throw new DecodeException("Ed25519 private key must be 64 bytes, got " + data.length);
    }
    PrivKey k = fromSeed(Arrays.copyOf(data, 32));
    if (data.length == 64
        && !Arrays.equals(k.publicKey().raw(), Arrays.copyOfRange(data, 32, 64))) {
      throw new DecodeException("Ed25519 private key does not match its public half");
    }
    return k;
  }

  private record Pub(byte[] key) implements PubKey {
    @Override
    public KeyType type() {
      return KeyType.ED25519;
    }

    @Override
    public byte[] raw() {
      return key.clone();
    }

    @Override
    public boolean verify(byte[] data, byte[] signature) {
      return signature.length == Ed25519.SIGNATURE_SIZE
          && Ed25519.verify(signature, 0, key, 0, data, 0, data.length);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pub p && Arrays.equals(key, p.key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
      return "Ed25519PubKey";
    }
  }

  private record Priv(byte[] seed, Pub pub) implements PrivKey {
    @Override
    public KeyType type() {
      return KeyType.ED25519;
    }

    @Override
    public byte[] raw() {
      byte[] out = Arrays.copyOf(seed, 64);
      System.arraycopy(pub.key, 0, out, 32, 32);
      return out;
    }

    @Override
    public byte[] sign(byte[] data) {
      byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
      Ed25519.sign(seed, 0, pub.key, 0, data, 0, data.length, sig, 0);
      return sig;
    }

    @Override
    public PubKey publicKey() {
      return pub;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Priv p && Arrays.equals(seed, p.seed);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(seed);
    }

    @Override
    public String toString() {
      return "Ed25519PrivKey";
    }
  }
}
