package io.filnode.vm;

import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

/**
 * Where a message's gas funds go, Lotus's {@code GasOutputs}: base fee burn, over-estimation burn,
 * miner penalty and tip, and the sender's refund.
 */
public record GasOutputs(
    TokenAmount baseFeeBurn,
    TokenAmount overEstimationBurn,
    TokenAmount minerPenalty,
    TokenAmount minerTip,
    TokenAmount refund,
    long gasRefund,
    long gasBurned) {
  private static final long GAS_OVERUSE_NUM = 11;
  private static final long GAS_OVERUSE_DENOM = 10;

  /** Nothing moves but an optional miner penalty (for messages that fail before execution). */
  public static GasOutputs penaltyOnly(TokenAmount minerPenalty) {
    TokenAmount z = TokenAmount.ZERO;
    return new GasOutputs(z, z, minerPenalty, z, z, 0, 0);
  }

  /**
   * Lotus's {@code ComputeGasOverestimationBurn}: of the unused gas, how much is refunded and how
   * much burnt. Returns {refund, burn}.
   */
  public static long[] overestimationBurn(long gasUsed, long gasLimit) {
    if (gasUsed == 0) {
      return new long[] {0, gasLimit};
    }
    long over = gasLimit - (GAS_OVERUSE_NUM * gasUsed) / GAS_OVERUSE_DENOM;
    if (over < 0) {
      return new long[] {gasLimit - gasUsed, 0};
    }
    if (over > gasUsed) {
      over = gasUsed;
    }
    long toBurn =
        BigInteger.valueOf(gasLimit - gasUsed)
            .multiply(BigInteger.valueOf(over))
            .divide(BigInteger.valueOf(gasUsed))
            .longValueExact();
    return new long[] {gasLimit - gasUsed - toBurn, toBurn};
  }

  /** Lotus's {@code ComputeGasOutputs}. */
  public static GasOutputs compute(
      long gasUsed,
      long gasLimit,
      TokenAmount baseFee,
      TokenAmount feeCap,
      TokenAmount gasPremium,
      boolean chargeNetworkFee) {
    BigInteger used = BigInteger.valueOf(gasUsed);
    BigInteger minerPenalty = BigInteger.ZERO;
    BigInteger baseFeeToPay = baseFee.atto();
    if (baseFee.compareTo(feeCap) > 0) {
      baseFeeToPay = feeCap.atto();
      minerPenalty = baseFee.atto().subtract(feeCap.atto()).multiply(used);
    }
    BigInteger baseFeeBurn = chargeNetworkFee ? baseFeeToPay.multiply(used) : BigInteger.ZERO;
    BigInteger tip = gasPremium.atto();
    if (baseFeeToPay.add(tip).compareTo(feeCap.atto()) > 0) {
      tip = feeCap.atto().subtract(baseFeeToPay);
    }
    BigInteger minerTip = tip.multiply(BigInteger.valueOf(gasLimit));
    long[] rb = overestimationBurn(gasUsed, gasLimit);
    BigInteger overBurn = BigInteger.ZERO;
    if (rb[1] != 0) {
      BigInteger burned = BigInteger.valueOf(rb[1]);
      overBurn = baseFeeToPay.multiply(burned);
      minerPenalty = minerPenalty.add(baseFee.atto().subtract(baseFeeToPay).multiply(burned));
    }
    BigInteger required = BigInteger.valueOf(gasLimit).multiply(feeCap.atto());
    BigInteger refund = required.subtract(baseFeeBurn).subtract(minerTip).subtract(overBurn);
    return new GasOutputs(
        TokenAmount.ofAtto(baseFeeBurn),
        TokenAmount.ofAtto(overBurn),
        TokenAmount.ofAtto(minerPenalty),
        TokenAmount.ofAtto(minerTip),
        TokenAmount.ofAtto(refund),
        rb[0],
        rb[1]);
  }
}
