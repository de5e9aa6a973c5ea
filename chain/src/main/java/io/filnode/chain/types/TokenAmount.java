package io.filnode.chain.types;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * An amount of FIL in attoFIL (10^-18 FIL), arbitrary precision as go-state-types' {@code
 * abi.TokenAmount}. Prints as Lotus's {@code types.FIL} does ("1.5 FIL").
 */
public record TokenAmount(BigInteger atto) implements Comparable<TokenAmount> {
  public static final BigInteger ATTO_PER_FIL = BigInteger.TEN.pow(18);
  public static final TokenAmount ZERO = new TokenAmount(BigInteger.ZERO);

  /** Lotus's {@code build.TotalFilecoin}: the 2 billion FIL that will ever exist. */
  public static final TokenAmount TOTAL_FILECOIN =
      new TokenAmount(BigInteger.valueOf(2_000_000_000L).multiply(ATTO_PER_FIL));

  public TokenAmount {
    if (atto == null) {
      throw new IllegalArgumentException("token amount must not be null");
    }
  }

  public static TokenAmount ofAtto(long atto) {
    return new TokenAmount(BigInteger.valueOf(atto));
  }

  public static TokenAmount ofAtto(BigInteger atto) {
    return new TokenAmount(atto);
  }

  public static TokenAmount ofFil(long fil) {
    return new TokenAmount(BigInteger.valueOf(fil).multiply(ATTO_PER_FIL));
  }

  /**
   * Parses "1.5", "1.5 FIL", "1.5fil", "100 attoFIL" or "100 afil" as Lotus's {@code ParseFIL}
   * does: a decimal number of FIL with at most 18 decimals, or a whole number of attoFIL.
   */
  public static TokenAmount parse(String text) {
    String s = text.trim();
    String lower = s.toLowerCase(Locale.ROOT);
    boolean atto = false;
    if (lower.endsWith("attofil")) {
      atto = true;
      s = s.substring(0, s.length() - 7);
    } else if (lower.endsWith("afil")) {
      atto = true;
      s = s.substring(0, s.length() - 4);
    } else if (lower.endsWith("fil")) {
      s = s.substring(0, s.length() - 3);
    }
    s = s.trim();
    BigDecimal d;
    try {
      d = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an amount of FIL", e);
    }
    if (s.contains("e") || s.contains("E")) {
      throw new IllegalArgumentException("'" + text + "': exponents are not accepted");
    }
    if (!atto) {
      d = d.multiply(new BigDecimal(ATTO_PER_FIL));
    }
    try {
      return new TokenAmount(d.toBigIntegerExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + text + "' has more precision than one attoFIL (18 decimals of FIL)", e);
    }
  }

  public TokenAmount add(TokenAmount o) {
    return new TokenAmount(atto.add(o.atto));
  }

  public TokenAmount subtract(TokenAmount o) {
    return new TokenAmount(atto.subtract(o.atto));
  }

  public TokenAmount multiply(long factor) {
    return new TokenAmount(atto.multiply(BigInteger.valueOf(factor)));
  }

  public int signum() {
    return atto.signum();
  }

  public boolean isZero() {
    return atto.signum() == 0;
  }

  @Override
  public int compareTo(TokenAmount o) {
    return atto.compareTo(o.atto);
  }

  public void encode(CborWriter w) {
    w.writeBigInt(atto);
  }

  public static TokenAmount decode(CborReader r) throws CborException {
    return new TokenAmount(r.readBigInt());
  }

  /** The decimal attoFIL string, as Lotus JSON writes big integers. */
  public String toAttoString() {
    return atto.toString();
  }

  /** "0 FIL", "1.5 FIL", "0.000000000000000001 FIL": Lotus's {@code FIL.String()}. */
  @Override
  public String toString() {
    if (atto.signum() == 0) {
      return "0 FIL";
    }
    String plain = new BigDecimal(atto, 18).stripTrailingZeros().toPlainString();
    return plain + " FIL";
  }
}
