package io.filnode.chain.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Pure-Java secp256k1 on BouncyCastle: the fallback where the native library does not load, and an
 * independent second implementation for the tests. Recovery follows SEC 1 §4.1.6 with
 * libsecp256k1's acceptance rules.
 */
public final class JavaSecp256k1 implements Secp256k1Backend {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  private static final BigInteger N = PARAMS.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final BigInteger P = PARAMS.getCurve().getField().getCharacteristic();

  @Override
  public String name() {
    return "bouncycastle";
  }

  @Override
  public byte[] publicKey(byte[] privateKey) {
    return DOMAIN.getG().multiply(new BigInteger(1, privateKey)).normalize().getEncoded(false);
  }

  @Override
  public byte[] signCompact(byte[] privateKey, byte[] digest) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey), DOMAIN));
    BigInteger[] rs = signer.generateSignature(digest);
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
    byte[] out = new byte[64];
    BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
    BigIntegers.asUnsignedByteArray(s, out, 32, 32);
    return out;
  }

  @Override
  public Optional<byte[]> recover(byte[] compact, int recoveryId, byte[] digest) {
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(compact, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(compact, 32, 64));
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
      return Optional.empty();
    }
    BigInteger x = (recoveryId & 2) != 0 ? r.add(N) : r;
    if (x.compareTo(P) >= 0) {
      return Optional.empty();
    }
    ECCurve curve = DOMAIN.getCurve();
    byte[] enc = new byte[33];
    enc[0] = (byte) ((recoveryId & 1) != 0 ? 0x03 : 0x02);
    BigIntegers.asUnsignedByteArray(x, enc, 1, 32);
    ECPoint bigR;
    try {
      bigR = curve.decodePoint(enc);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // x is not on the curve
    }
    BigInteger e = new BigInteger(1, digest).mod(N);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(q.getEncoded(false));
  }
}
