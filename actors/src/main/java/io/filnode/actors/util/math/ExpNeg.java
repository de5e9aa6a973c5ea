package io.filnode.actors.util.math;

import java.math.BigInteger;

/**
 * TEMPORARY stand-in for the lead's util.math (replaced at merge with main): e^-x in Q.128 as
 * specs-actors' rational approximation.
 */
public final class ExpNeg {
  public static final int PRECISION_128 = 128;

  private static final BigInteger[] NUM =
      parse(
          "-648770010757830093818553637600",
          "67469480939593786226847644286976",
          "-3197587544499098424029388939001856",
          "89244641121992890118377641805348864",
          "-1579656163641440567800982336819953664",
          "17685496037279256458459817590917169152",
          "-115682590513835356866803355398940131328",
          "340282366920938463463374607431768211456");
  private static final BigInteger[] DENO =
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

  private ExpNeg() {}

  private static BigInteger[] parse(String... s) {
    BigInteger[] out = new BigInteger[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = new BigInteger(s[i]);
    }
    return out;
  }

  private static BigInteger polyval(BigInteger[] p, BigInteger x) {
    BigInteger res = p[0];
    for (int i = 1; i < p.length; i++) {
      res = res.multiply(x).shiftRight(PRECISION_128).add(p[i]);
    }
    return res;
  }

  /** e^-x, x and result in Q.128. */
  public static BigInteger expNeg(BigInteger x) {
    BigInteger num = polyval(NUM, x).shiftLeft(PRECISION_128);
    BigInteger deno = polyval(DENO, x);
    BigInteger[] qr = num.divideAndRemainder(deno);
    BigInteger q = qr[0];
    if (qr[1].signum() < 0) {
      q = deno.signum() > 0 ? q.subtract(BigInteger.ONE) : q.add(BigInteger.ONE);
    }
    return q;
  }
}
