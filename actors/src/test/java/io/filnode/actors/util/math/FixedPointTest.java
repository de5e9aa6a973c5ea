package io.filnode.actors.util.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FixedPointTest {
  private static BigInteger q(String decimal) {
    return new BigInteger(decimal);
  }

  // specs-actors v2 util/math TestExpFunction: rows of its golden file (x, e^-x), exact.
  @Test
  void expNegMatchesTheGoldenRows() {
    assertThat(FixedPoint.expNeg(BigInteger.ZERO))
        .isEqualTo(q("340282366920938463463374607431768211456"));
    assertThat(FixedPoint.expNeg(q("6672203272959577714968129557485651205")))
        .isEqualTo(q("333675151952254443967925531155694867881"));
    assertThat(FixedPoint.expNeg(q("653875920750038616066876696633593818090")))
        .isEqualTo(q("49809570109237524602873041289713970455"));
    assertThat(FixedPoint.expNeg(q("1321096248045996387563689652382158938590")))
        .isEqualTo(q("7010596728264227481926338877058442857"));
    assertThat(FixedPoint.expNeg(q("1701411834604692317316873037158841057275")))
        .isEqualTo(q("2292804553034967735506083028203183696"));
  }

  // specs-actors v2 util/math TestNaturalLog: integer parts of ln.
  @Test
  void lnMatchesIntegerParts() {
    String[][] cases = {
      {"340282366920938463463374607431768211456", "0"},
      {"924990000000000000000000000000000000000", "340282366920938463463374607431768211456"},
      {
        "34028236692093846346337460743176821145600000000000000000000",
        "15670582109617661336106769654068947397831"
      },
      {
        "6805647338418769269267492148635364229120000000000000000000000",
        "17473506083804940763855390762239996622013"
      },
      {"204169000000000000000000000000000000", "-2524410000000000000000000000000000000000"},
      {"34028236692093846346337460743", "-7835291054808830668053384827034473698915"},
    };
    for (String[] c : cases) {
      assertThat(FixedPoint.ln(q(c[0])).shiftRight(128))
          .as("ln of %s", c[0])
          .isEqualTo(q(c[1]).shiftRight(128));
    }
  }

  @Test
  void expBySquaringOfTwo() {
    BigInteger two = BigInteger.TWO.shiftLeft(128);
    assertThat(FixedPoint.expBySquaring(two, 10))
        .isEqualTo(BigInteger.valueOf(1024).shiftLeft(128));
    assertThat(FixedPoint.expBySquaring(two, -1)).isEqualTo(BigInteger.ONE.shiftLeft(127));
    assertThat(FixedPoint.expBySquaring(two, 0)).isEqualTo(FixedPoint.one());
  }

  @Test
  void goDivisionIsEuclidean() {
    assertThat(GoBig.div(BigInteger.valueOf(-7), BigInteger.valueOf(2))).isEqualTo(-4);
    assertThat(GoBig.div(BigInteger.valueOf(-7), BigInteger.valueOf(-2))).isEqualTo(4);
    assertThat(GoBig.div(BigInteger.valueOf(7), BigInteger.valueOf(-2))).isEqualTo(-3);
    assertThat(GoBig.div(BigInteger.valueOf(-6), BigInteger.valueOf(2))).isEqualTo(-3);
    assertThat(GoBig.mod(BigInteger.valueOf(-7), BigInteger.valueOf(-2))).isEqualTo(1);
    assertThat(GoBig.mod(BigInteger.valueOf(-7), BigInteger.valueOf(2))).isEqualTo(1);
  }
}
