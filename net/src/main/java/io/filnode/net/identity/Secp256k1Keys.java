package io.filnode.net.identity;

import io.filnode.net.wire.DecodeException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * secp256k1 keys as libp2p uses them: public data is the 33-byte compressed point, private data the
 * 32-byte big-endian scalar; signatures are DER-encoded ECDSA over SHA-256 of the message.
 */
public final class Secp256k1Keys {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

  private Secp256k1Keys() {}

  public static PrivKey generate(SecureRandom random) {
    while (true) {
      byte[] d = new byte[32];
      random.nextBytes(d);
      BigInteger k = new BigInteger(1, d);
      if (k.signum() > 0 && k.compareTo(CURVE.getN()) < 0) {
        return new Priv(k);
      }
    }
  }

  static PubKey publicKey(byte[] data) throws DecodeException {
    if (data.length != 33 && data.length != 65) {
      throw new DecodeException("secp256k1 public key must be 33 or 65 bytes");
    }
    try {
      ECPoint p = CURVE.getCurve().decodePoint(data);
      if (p.isInfinity() || !p.isValid()) {
        throw new DecodeException("secp256k1 public key is not on the curve");
      }
      return new Pub(p.normalize());
    } catch (IllegalArgumentException e) {
      throw new DecodeException("invalid secp256k1 public key", e);
    }
  }

  static PrivKey privateKey(byte[] data) throws DecodeException {
    if (data.length != 32) {
      throw new DecodeException("secp256k1 private key must be 32 bytes");
    }
    BigInteger k = new BigInteger(1, data);
    if (k.signum() == 0 || k.compareTo(CURVE.getN()) >= 0) {
      throw new DecodeException("secp256k1 private key out of range");
    }
    return new Priv(k);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private record Pub(ECPoint point) implements PubKey {
    @Override
    public KeyType type() {
      return KeyType.SECP256K1;
    }

    @Override
    public byte[] raw() {
      return point.getEncoded(true);
    }

    @Override
    public boolean verify(byte[] data, byte[] signature) {
      BigInteger r;
      BigInteger s;
      try {
        if (signature.length > 80) {
          return false;
        }
        ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
        if (seq.size() != 2 || !Arrays.equals(seq.getEncoded("DER"), signature)) {
          return false;
        }
        r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
        s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
      } catch (IOException | RuntimeException e) {
        return false; // not a DER signature
      }
      ECDSASigner v = new ECDSASigner();
      v.init(false, new ECPublicKeyParameters(point, DOMAIN));
      return v.verifySignature(sha256(data), r, s);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pub p && point.equals(p.point);
    }

    @Override
    public int hashCode() {
      return point.hashCode();
    }
  }

  private record Priv(BigInteger d) implements PrivKey {
    @Override
    public KeyType type() {
      return KeyType.SECP256K1;
    }

    @Override
    public byte[] raw() {
      byte[] b = d.toByteArray();
      byte[] out = new byte[32];
      int n = Math.min(b.length, 32);
      System.arraycopy(b, b.length - n, out, 32 - n, n);
      return out;
    }

    @Override
    public byte[] sign(byte[] data) {
      ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      s.init(true, new ECPrivateKeyParameters(d, DOMAIN));
      BigInteger[] rs = s.generateSignature(sha256(data));
      BigInteger sv = rs[1].compareTo(HALF_N) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(new ASN1Integer(rs[0]));
      v.add(new ASN1Integer(sv));
      try {
        return new DERSequence(v).getEncoded("DER");
      } catch (IOException e) {
        throw new IllegalStateException("DER encoding of an ECDSA signature failed", e);
      }
    }

    @Override
    public PubKey publicKey() {
      return new Pub(CURVE.getG().multiply(d).normalize());
    }

    @Override
    public String toString() {
      return "Secp256k1PrivKey";
    }
  }
}
