package io.filnode.actors.v2.miner;

import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

/** Go's big.Int arithmetic where it differs from Java's, and small TokenAmount helpers. */
final class Big {
  private Big() {}

  /**
   * go-state-types {@code big.Div}: Go's {@code big.Int.Div}, Euclidean division (the remainder is
   * never negative), which differs from {@link BigInteger#divide} for negative dividends.
   */
  static BigInteger div(BigInteger a, BigInteger b) {
    BigInteger m = a.mod(b.abs());
    return a.subtract(m).divide(b);
  }

  static TokenAmount neg(TokenAmount a) {
    return new TokenAmount(a.atto().negate());
  }

  static TokenAmount min(TokenAmount a, TokenAmount b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static TokenAmount max(TokenAmount a, TokenAmount b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static boolean isNegative(TokenAmount a) {
    return a.signum() < 0;
  }

  static boolean isPositive(TokenAmount a) {
    return a.signum() > 0;
  }
}
