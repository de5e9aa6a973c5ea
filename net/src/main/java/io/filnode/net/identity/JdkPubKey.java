package io.filnode.net.identity;

import io.filnode.net.wire.DecodeException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * ECDSA and RSA peer keys, verified with the JDK: data is a DER SubjectPublicKeyInfo; ECDSA
 * signatures are DER over SHA-256, RSA signatures PKCS#1 v1.5 over SHA-256.
 */
final class JdkPubKey implements PubKey {
  private static final int MIN_RSA_BITS = 2048;
  private static final int MAX_RSA_BITS = 8192;

  private final KeyType type;
  private final byte[] der;
  private final PublicKey key;

  private JdkPubKey(KeyType type, byte[] der, PublicKey key) {
    this.type = type;
    this.der = der;
    this.key = key;
  }

  static PubKey ecdsa(byte[] der) throws DecodeException {
    try {
      PublicKey k = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
      if (!(k instanceof ECPublicKey)) {
        throw new DecodeException("ECDSA key is not an EC key");
      }
      return new JdkPubKey(KeyType.ECDSA, der.clone(), k);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new DecodeException("invalid ECDSA public key", e);
    }
  }

  static PubKey rsa(byte[] der) throws DecodeException {
    try {
      PublicKey k = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
      int bits = ((RSAPublicKey) k).getModulus().bitLength();
      if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
        throw new DecodeException("RSA key of " + bits + " bits is outside 2048..8192");
      }
      return new JdkPubKey(KeyType.RSA, der.clone(), k);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new DecodeException("invalid RSA public key", e);
    }
  }

  @Override
  public KeyType type() {
    return type;
  }

  @Override
  public byte[] raw() {
    return der.clone();
  }

  @Override
  public boolean verify(byte[] data, byte[] signature) {
    try {
      Signature s =
          Signature.getInstance(type == KeyType.RSA ? "SHA256withRSA" : "SHA256withECDSA");
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false; // a malformed signature is an invalid one
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JdkPubKey k && type == k.type && Arrays.equals(der, k.der);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(der) * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return type + "PubKey";
  }
}
