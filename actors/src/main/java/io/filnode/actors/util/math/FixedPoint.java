package io.filnode.actors.util.math;

import java.math.BigInteger;

/**
 * The Q.128 fixed-point functions of specs-actors {@code util/math}: polynomial evaluation, the
 * rational approximations of e^-x and ln(x), and exponentiation by squaring. Their results enter
 * consensus (reward minting, pledge, the smoothed estimates), so every step rounds exactly as Go.
 */
public final class FixedPoint {
  /** Fractional bits of a Q.128 number. */
  public static final int PRECISION_128 = 128;

  private static final BigInteger[] EXP_NUM =
      parse(
          "-648770010757830093818553637600",
          "67469480939593786226847644286976",
          "-3197587544499098424029388939001856",
          "89244641121992890118377641805348864",
          "-1579656163641440567800982336819953664",
          "17685496037279256458459817590917169152",
          "-115682590513835356866803355398940131328",
          "340282366920938463463374607431768211456");

  private static final BigInteger[] EXP_DENOM =
      parse(
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

  private static final BigInteger[] LN_NUM =
      parse(
          "261417938209272870992496419296200268025",
          "7266615505142943436908456158054846846897",
          "32458783941900493142649393804518050491988",
          "17078670566130897220338060387082146864806",
          "-35150353308172866634071793531642638290419",
          "-20351202052858059355702509232125230498980",
          "-1563932590352680681114104005183375350999");

  private static final BigInteger[] LN_DENOM =
      parse(
          "49928077726659937662124949977867279384",
          "2508163877009111928787629628566491583994",
          "21757751789594546643737445330202599887121",
          "53400635271583923415775576342898617051826",
          "41248834748603606604000911015235164348839",
          "9015227820322455780436733526367238305537",
          "340282366920938463463374607431768211456");

  /** ln(2) in Q.128. */
  private static final BigInteger LN_2 = new BigInteger("235865763225513294137944142764154484399");

  private FixedPoint() {}

  /** 1 in Q.128. */
  public static BigInteger one() {
    return BigInteger.ONE.shiftLeft(PRECISION_128);
  }

  /** Horner evaluation of a polynomial with Q.128 coefficients (highest degree first) at x. */
  public static BigInteger polyval(BigInteger[] coefficients, BigInteger x) {
    BigInteger res = coefficients[0];
    for (int i = 1; i < coefficients.length; i++) {
      res = res.multiply(x).shiftRight(PRECISION_128).add(coefficients[i]);
    }
    return res;
  }

  /** e^-x for Q.128 x (accurate on [0, 1]), in Q.128. */
  public static BigInteger expNeg(BigInteger x) {
    BigInteger num = polyval(EXP_NUM, x).shiftLeft(PRECISION_128);
    return GoBig.div(num, polyval(EXP_DENOM, x));
  }

  /** The natural logarithm of a positive Q.128 number, in Q.128. */
  public static BigInteger ln(BigInteger z) {
    long k = (long) z.bitLength() - 1 - PRECISION_128;
    BigInteger x = k > 0 ? z.shiftRight((int) k) : z.shiftLeft((int) -k);
    return BigInteger.valueOf(k).multiply(LN_2).add(lnBetweenOneAndTwo(x));
  }

  private static BigInteger lnBetweenOneAndTwo(BigInteger x) {
    BigInteger num = polyval(LN_NUM, x).shiftLeft(PRECISION_128);
    return GoBig.div(num, polyval(LN_DENOM, x));
  }

  /** base^n for Q.128 base and integer n (negative n inverts first), in Q.128. */
  public static BigInteger expBySquaring(BigInteger base, long n) {
    if (n == 0) {
      return one();
    }
    if (n == 1) {
      return base;
    }
    if (n < 0) {
      BigInteger inverse = GoBig.div(one().shiftLeft(PRECISION_128), base);
      return expBySquaring(inverse, -n);
    }
    BigInteger squared = base.multiply(base).shiftRight(PRECISION_128);
    if (n % 2 == 0) {
      return expBySquaring(squared, n / 2);
    }
    return base.multiply(expBySquaring(squared, (n - 1) / 2)).shiftRight(PRECISION_128);
  }

  private static BigInteger[] parse(String... decimals) {
    BigInteger[] out = new BigInteger[decimals.length];
    for (int i = 0; i < decimals.length; i++) {
      out[i] = new BigInteger(decimals[i]);
    }
    return out;
  }
}
