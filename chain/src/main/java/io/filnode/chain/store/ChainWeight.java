package io.filnode.chain.store;

import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import java.math.BigInteger;

/**
 * The weight of a tipset as Lotus v1.10.0's {@code ChainStore.Weight} computes it (Expected
 * Consensus): the parent weight, plus 256·log2(P), plus 256·log2(P)·W·wRatio / (e·wRatioDen), where
 * P is the network's total quality-adjusted power in the tipset's parent state and W the sum of the
 * blocks' win counts. The power comes from the caller, who reads it from the power actor.
 */
public final class ChainWeight {
  /** Lotus's {@code build.BlocksPerEpoch} (e). */
  public static final long BLOCKS_PER_EPOCH = 5;

  private static final long W_RATIO_NUM = 1;
  private static final long W_RATIO_DEN = 2;

  private ChainWeight() {}

  /**
   * @throws IllegalArgumentException when the total power is not positive (Lotus refuses: "all
   *     power in the net is gone")
   */
  public static BigInteger weight(TipSet ts, BigInteger totalQualityAdjPower) {
    if (totalQualityAdjPower.signum() <= 0) {
      throw new IllegalArgumentException(
          "all power in the network is gone: total quality-adjusted power is "
              + totalQualityAdjPower);
    }
    long log2p = totalQualityAdjPower.bitLength() - 1L;
    BigInteger out = ts.parentWeight().add(BigInteger.valueOf(log2p << 8));
    long wins = 0;
    for (BlockHeader b : ts.blocks()) {
      if (b.electionProof() != null) {
        wins += b.electionProof().winCount();
      }
    }
    BigInteger e =
        BigInteger.valueOf(log2p * W_RATIO_NUM)
            .shiftLeft(8)
            .multiply(BigInteger.valueOf(wins))
            .divide(BigInteger.valueOf(BLOCKS_PER_EPOCH * W_RATIO_DEN));
    return out.add(e);
  }
}
