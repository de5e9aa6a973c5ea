package io.filnode.actors.util.math;

import java.math.BigInteger;

/**
 * Go's {@code math/big} division semantics, which go-state-types' {@code big.Div} and {@code
 * big.Mod} use: Euclidean division, whose remainder is never negative. Java's {@link
 * BigInteger#divide} truncates toward zero instead, which differs for negative operands, so actor
 * code that ports {@code big.Div} must use {@link #div}. ({@code big.Rsh} floors, as {@link
 * BigInteger#shiftRight} does.)
 */
public final class GoBig {
  private GoBig() {}

  /** Euclidean quotient: the q with a = q·b + r and 0 ≤ r < |b|. */
  public static BigInteger div(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    if (qr[1].signum() < 0) {
      return b.signum() > 0 ? qr[0].subtract(BigInteger.ONE) : qr[0].add(BigInteger.ONE);
    }
    return qr[0];
  }

  /** Euclidean remainder: never negative. */
  public static BigInteger mod(BigInteger a, BigInteger b) {
    BigInteger r = a.remainder(b);
    return r.signum() < 0 ? r.add(b.abs()) : r;
  }
}
