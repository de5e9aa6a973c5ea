package io.filnode.chain.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Lotus v1.10.0's win count arithmetic. Expected figures are from Lotus's golden files
 * (chain/types/testdata: TestLambdaFunction, TestPoissonFunction, TestExpFunction).
 */
class WinCountTest {
  private static final BigInteger Q256 = BigInteger.ONE.shiftLeft(256);

  @Test
  void lambdaMatchesLotusGoldenValues() {
    assertThat(WinCount.lambda(BigInteger.TEN, BigInteger.valueOf(100)))
        .isEqualTo(
            new BigInteger(
                "57896044618658097711785492504343953926634992332820282019728792003956564819968"));
    assertThat(WinCount.lambda(BigInteger.valueOf(1024), BigInteger.valueOf(2048)))
        .isEqualTo(
            new BigInteger(
                "289480223093290488558927462521719769633174961664101410098643960019782824099840"));
    assertThat(
            WinCount.lambda(
                new BigInteger("2000000000000000"), new BigInteger("100000000000000000")))
        .isEqualTo(
            new BigInteger(
                "11579208923731619542357098500868790785326998466564056403945758400791312963993"));
  }

  @Test
  void expnegMatchesLotusGoldenValues() {
    // Lotus samples x = i·step with step = 5·2^256/255.
    BigInteger step = BigInteger.valueOf(5).shiftLeft(256).divide(BigInteger.valueOf(255));
    assertThat(WinCount.expneg(BigInteger.ZERO)).isEqualTo(Q256);
    assertThat(WinCount.expneg(step.multiply(BigInteger.valueOf(50))))
        .isEqualTo(
            new BigInteger(
                "43441017216161856030307536334277824451020867870703344545581645152489753618625"));
    assertThat(WinCount.expneg(step.multiply(BigInteger.valueOf(198))))
        .isEqualTo(
            new BigInteger(
                "2385582448221938579601135652712703469128873722647430092259396421200608174744"));
  }

  @Test
  void poissonTailsMatchLotusGoldenValuesForLambdaFive() {
    WinCount.Poisson p = new WinCount.Poisson(BigInteger.valueOf(5).shiftLeft(256));
    assertThat(p.first())
        .isEqualTo(
            new BigInteger(
                "115011888277122352219705460287186602222085188670665840381425306072442950421456"));
    assertThat(p.next())
        .isEqualTo(
            new BigInteger(
                "111110883476153136200377836679680074066161208695792222091263916395092054329056"));
    assertThat(p.next())
        .isEqualTo(
            new BigInteger(
                "101358371473730096152058777660913753676351258758608176365860442201714814098056"));
    BigInteger last = null;
    for (int i = 3; i <= 15; i++) {
      last = p.next();
    }
    assertThat(last)
        .isEqualTo(
            new BigInteger(
                "7990608583365898783177981059486191101288263054949438283379118111243134316"));
  }

  @Test
  void poissonTailsMatchLotusGoldenValuesForSmallLambda() {
    // lambda = 1036915 / 2^20
    WinCount.Poisson p = new WinCount.Poisson(BigInteger.valueOf(1036915).shiftLeft(236));
    assertThat(p.first())
        .isEqualTo(
            new BigInteger(
                "72718197862321603787957847055188249408647877796280116987586082825356498974798"));
    BigInteger last = null;
    for (int i = 1; i <= 15; i++) {
      last = p.next();
    }
    assertThat(last)
        .isEqualTo(
            new BigInteger("1827354397264548824373139406487609602015834650190678153972930556"));
  }

  @Test
  void digestBelowEveryTailWinsTheMaximum() {
    byte[] zero = new byte[32];
    assertThat(WinCount.compute(zero, BigInteger.ONE, BigInteger.ONE))
        .isEqualTo(WinCount.MAX_WIN_COUNT);
  }

  @Test
  void digestAboveTheFirstTailWinsNothing() {
    byte[] max = new byte[32];
    Arrays.fill(max, (byte) 0xff);
    assertThat(WinCount.compute(max, BigInteger.ONE, BigInteger.TEN)).isZero();
  }

  @Test
  void noNetworkPowerIsRefused() {
    assertThatThrownBy(() -> WinCount.compute(new byte[32], BigInteger.ONE, BigInteger.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void divisionRoundsAsGoDoesForNegativeNumerators() {
    assertThat(WinCount.divEuclid(BigInteger.valueOf(-7), BigInteger.valueOf(2)))
        .isEqualTo(BigInteger.valueOf(-4));
    assertThat(WinCount.divEuclid(BigInteger.valueOf(-7), BigInteger.valueOf(-2)))
        .isEqualTo(BigInteger.valueOf(4));
    assertThat(WinCount.divEuclid(BigInteger.valueOf(7), BigInteger.valueOf(-2)))
        .isEqualTo(BigInteger.valueOf(-3));
  }

  @Property
  void zeroPowerNeverWins(@ForAll @Size(32) byte[] digest, @ForAll @LongRange(min = 1) long total) {
    assertThat(WinCount.compute(digest, BigInteger.ZERO, BigInteger.valueOf(total))).isZero();
  }

  @Property
  void winCountGrowsWithPower(
      @ForAll @Size(32) byte[] vrf,
      @ForAll @LongRange(min = 0, max = 1L << 40) long a,
      @ForAll @LongRange(min = 0, max = 1L << 40) long b,
      @ForAll @LongRange(min = 1, max = 1L << 40) long total) {
    ElectionProof proof = new ElectionProof(0, vrf);
    BigInteger t = BigInteger.valueOf(total);
    long low = proof.computeWinCount(BigInteger.valueOf(Math.min(a, b)), t);
    long high = proof.computeWinCount(BigInteger.valueOf(Math.max(a, b)), t);
    assertThat(low).isLessThanOrEqualTo(high);
    assertThat(high).isBetween(0L, WinCount.MAX_WIN_COUNT);
  }
}
