package io.filnode.mpool;

import io.filnode.chain.types.SignedMessage;
import io.filnode.vm.TipsetExecutor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of one sender's consecutive messages that selection takes or leaves together (Lotus's
 * {@code msgChain}): their total gas reward and gas limit, and the gas performance (reward per gas,
 * scaled to a block) that orders chains. Gas performance is a ranking, not an amount, so it is a
 * double as in Lotus.
 */
final class MessageChain {
  private static final BigInteger BLOCK_GAS_LIMIT =
      BigInteger.valueOf(TipsetExecutor.BLOCK_GAS_LIMIT);

  private List<SignedMessage> messages;
  private final List<BigInteger> rewards;
  private BigInteger gasReward;
  private long gasLimit;
  private double gasPerf;
  private boolean valid = true;
  MessageChain next;

  MessageChain(SignedMessage first, BigInteger reward) {
    this.messages = new ArrayList<>(List.of(first));
    this.rewards = new ArrayList<>(List.of(reward));
    this.gasReward = reward;
    this.gasLimit = first.message().gasLimit();
    this.gasPerf = gasPerf(gasReward, gasLimit);
  }

  /** Reward per unit of gas, scaled by the block gas limit (Lotus's getGasPerf). */
  static double gasPerf(BigInteger reward, long gasLimit) {
    return new BigDecimal(reward.multiply(BLOCK_GAS_LIMIT))
        .divide(new BigDecimal(gasLimit), MathContext.DECIMAL64)
        .doubleValue();
  }

  /**
   * What including {@code m} earns the miner at {@code baseFee}: min(premium, fee cap − base fee) ×
   * gas limit, tripled when negative (Lotus's getGasReward).
   */
  static BigInteger gasReward(SignedMessage m, BigInteger baseFee) {
    BigInteger maxPremium = m.message().gasFeeCap().atto().subtract(baseFee);
    BigInteger premium = m.message().gasPremium().atto();
    if (maxPremium.compareTo(premium) > 0) {
      maxPremium = premium;
    }
    BigInteger reward = maxPremium.multiply(BigInteger.valueOf(m.message().gasLimit()));
    return reward.signum() < 0 ? reward.multiply(BigInteger.valueOf(3)) : reward;
  }

  List<SignedMessage> messages() {
    return messages;
  }

  long gasLimit() {
    return gasLimit;
  }

  double gasPerf() {
    return gasPerf;
  }

  boolean valid() {
    return valid;
  }

  /** True when appending {@code m} does not lower this chain's gas performance. */
  boolean wouldKeepPerf(SignedMessage m, BigInteger reward) {
    return gasPerf(gasReward.add(reward), gasLimit + m.message().gasLimit()) >= gasPerf;
  }

  void append(SignedMessage m, BigInteger reward) {
    messages.add(m);
    rewards.add(reward);
    gasReward = gasReward.add(reward);
    gasLimit += m.message().gasLimit();
    gasPerf = gasPerf(gasReward, gasLimit);
  }

  /** Absorbs {@code later} (the sender's following chain) into this one. */
  void merge(MessageChain later) {
    messages.addAll(later.messages);
    rewards.addAll(later.rewards);
    gasReward = gasReward.add(later.gasReward);
    gasLimit += later.gasLimit;
    gasPerf = gasPerf(gasReward, gasLimit);
    later.valid = false;
  }

  /** Lotus's Before: higher gas performance first, then higher reward. */
  static int compareForSelection(MessageChain a, MessageChain b) {
    if (a.gasPerf != b.gasPerf) {
      return a.gasPerf > b.gasPerf ? -1 : 1;
    }
    return b.gasReward.compareTo(a.gasReward);
  }

  /**
   * Drops messages from the end until the chain fits {@code limit} and its performance is not
   * negative; the sender's later chains become invalid (they depend on these nonces).
   */
  void trim(long limit) {
    int i = messages.size() - 1;
    while (i >= 0 && (gasLimit > limit || gasPerf < 0)) {
      gasReward = gasReward.subtract(rewards.get(i));
      gasLimit -= messages.get(i).message().gasLimit();
      gasPerf = gasLimit > 0 ? gasPerf(gasReward, gasLimit) : 0;
      i--;
    }
    if (i < 0) {
      messages = new ArrayList<>();
      valid = false;
    } else {
      messages = new ArrayList<>(messages.subList(0, i + 1));
    }
    if (next != null) {
      next.invalidate();
      next = null;
    }
  }

  void invalidate() {
    valid = false;
    messages = new ArrayList<>();
    if (next != null) {
      next.invalidate();
      next = null;
    }
  }
}
