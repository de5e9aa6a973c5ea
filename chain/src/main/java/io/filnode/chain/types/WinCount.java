package io.filnode.chain.types;

import java.math.BigInteger;

/**
 * The number of times a miner wins an epoch's election, as Lotus v1.10.0's {@code
 * ElectionProof.ComputeWinCount}: an inverted Poisson CDF in Q.256 fixed point (Algorand-style
 * sortition with a Poisson in place of the binomial). λ = power·e/totalPower with e = 5 expected
 * blocks per epoch; the VRF digest, read as a Q.256 fraction in [0, 1), counts how many upper CDF
 * tails it lies under, at most {@link #MAX_WIN_COUNT}.
 *
 * <p>Every step rounds exactly as Go's {@code math/big} does (Euclidean division, floor shifts),
 * because the count is consensus: a validator recomputes it and compares.
 */
final class WinCount {
  /** Lotus's {@code build.BlocksPerEpoch}. */
  static final long BLOCKS_PER_EPOCH = 5;

  /** Lotus's {@code MaxWinCount}: 3 × blocks per epoch. */
  static final long MAX_WIN_COUNT = 3 * BLOCKS_PER_EPOCH;

  private static final int PRECISION = 256;

  // The rational approximation of e^-x (Lotus's expNumCoef and expDenoCoef), highest order first,
  // as integers that are the coefficients × 2^128.
  private static final BigInteger[] EXP_NUM =
      coefficients(
          "-648770010757830093818553637600",
          "67469480939593786226847644286976",
          "-3197587544499098424029388939001856",
          "89244641121992890118377641805348864",
          "-1579656163641440567800982336819953664",
          "17685496037279256458459817590917169152",
          "-115682590513835356866803355398940131328",
          "340282366920938463463374607431768211456");

  private static final BigInteger[] EXP_DENO =
      coefficients(
          "1225524182432722209606361",
          "114095592300906098243859450",
          "5665570424063336070530214243",
          "194450132448609991765137938448",
          "5068267641632683791026134915072",
          "104716890604972796896895427629056",
          "1748338658439454459487681798864896",
          "23704654329841312470660182937960448",
          "259380097567996910282699886670381056",
          "2250336698853390384720606936038375424",
          "14978272436876548034486263159246028800",
          "72144088983913131323343765784380833792",
          "224599776407103106596571252037123047424",
          "340282366920938463463374607431768211456");

  private WinCount() {}

  /** Integer parameters × 2^-128, moved to Q.256. */
  private static BigInteger[] coefficients(String... values) {
    BigInteger[] out = new BigInteger[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = new BigInteger(values[i]).shiftLeft(PRECISION - 128);
    }
    return out;
  }

  /**
   * The win count of {@code vrfDigest} (the BLAKE2b-256 of the election VRF proof, big endian) for
   * a miner with {@code power} out of {@code totalPower}.
   *
   * @throws IllegalArgumentException when {@code totalPower} is not positive (Lotus divides by it)
   */
  static long compute(byte[] vrfDigest, BigInteger power, BigInteger totalPower) {
    if (totalPower.signum() <= 0) {
      throw new IllegalArgumentException(
          "the network's total power must be positive, not " + totalPower);
    }
    BigInteger lhs = new BigInteger(1, vrfDigest);
    Poisson p = new Poisson(lambda(power, totalPower));
    BigInteger rhs = p.first();
    long j = 0;
    while (lhs.compareTo(rhs) < 0 && j < MAX_WIN_COUNT) {
      rhs = p.next();
      j++;
    }
    return j;
  }

  /** λ = power·e/totalPower in Q.256. */
  static BigInteger lambda(BigInteger power, BigInteger totalPower) {
    BigInteger lam = power.multiply(BigInteger.valueOf(BLOCKS_PER_EPOCH)).shiftLeft(PRECISION);
    return divEuclid(lam, totalPower);
  }

  /** e^-x for x in Q.256, in Q.256; most precise on [0, 1.725). */
  static BigInteger expneg(BigInteger x) {
    BigInteger num = polyval(EXP_NUM, x);
    BigInteger deno = polyval(EXP_DENO, x);
    return divEuclid(num.shiftLeft(PRECISION), deno);
  }

  /** Horner's method over Q.256 coefficients at a Q.256 point. */
  static BigInteger polyval(BigInteger[] p, BigInteger x) {
    BigInteger res = p[0];
    for (int i = 1; i < p.length; i++) {
      res = res.multiply(x).shiftRight(PRECISION).add(p[i]);
    }
    return res;
  }

  /** Go's {@code big.Int.Div}: Euclidean division, the remainder never negative. */
  static BigInteger divEuclid(BigInteger x, BigInteger y) {
    BigInteger[] qr = x.divideAndRemainder(y);
    if (qr[1].signum() < 0) {
      return y.signum() > 0 ? qr[0].subtract(BigInteger.ONE) : qr[0].add(BigInteger.ONE);
    }
    return qr[0];
  }

  /**
   * The upper tail 1 − CDF(k) of a Poisson(λ), in Q.256, computed incrementally from pmf(k) =
   * pmf(k−1)·λ/k. The division comes before the multiplication, as in Lotus.
   */
  static final class Poisson {
    private final BigInteger lambda;
    private BigInteger pmf;
    private BigInteger icdf;
    private long k;

    Poisson(BigInteger lambda) {
      this.lambda = lambda;
      this.pmf = expneg(lambda);
      this.icdf = BigInteger.ONE.shiftLeft(PRECISION).subtract(pmf);
    }

    /** 1 − CDF(0). */
    BigInteger first() {
      return icdf;
    }

    /** Moves to k + 1 and returns 1 − CDF(k). */
    BigInteger next() {
      k++;
      pmf = divEuclid(pmf, BigInteger.valueOf(k)).multiply(lambda).shiftRight(PRECISION);
      icdf = icdf.subtract(pmf);
      return icdf;
    }
  }
}
