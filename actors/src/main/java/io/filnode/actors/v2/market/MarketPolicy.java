package io.filnode.actors.v2.market;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

/** The market's parameters and bounds (specs-actors v2 market {@code policy.go}, mainnet). */
public final class MarketPolicy {
  private MarketPolicy() {}

  /** builtin.EpochsInDay at 30-second epochs. */
  public static final long EPOCHS_IN_DAY = 2880;

  /** Epochs between payment and other processing of a deal. */
  public static final long DEAL_UPDATES_INTERVAL = EPOCHS_IN_DAY;

  public static final long DEAL_MIN_DURATION = 180 * EPOCHS_IN_DAY;
  public static final long DEAL_MAX_DURATION = 540 * EPOCHS_IN_DAY;

  /** Largest label, in bytes. */
  public static final int DEAL_MAX_LABEL_SIZE = 256;

  /** Provider collateral must cover 1/100 of the normalized circulating supply. */
  private static final BigInteger PROVIDER_COLLATERAL_SUPPLY_TARGET_NUM = BigInteger.ONE;

  private static final BigInteger PROVIDER_COLLATERAL_SUPPLY_TARGET_DENOM = BigInteger.valueOf(100);

  /** Inclusive bounds of a value. */
  public record Bounds<T>(T min, T max) {}

  public static Bounds<Long> dealDurationBounds(long pieceSize) {
    return new Bounds<>(DEAL_MIN_DURATION, DEAL_MAX_DURATION);
  }

  public static Bounds<TokenAmount> dealPricePerEpochBounds(long pieceSize, long duration) {
    return new Bounds<>(TokenAmount.ZERO, TokenAmount.TOTAL_FILECOIN);
  }

  /**
   * The minimum provider collateral is the target share of the circulating supply, scaled by the
   * deal's share of max(network raw power, baseline power, deal size).
   */
  public static Bounds<TokenAmount> dealProviderCollateralBounds(
      long pieceSize,
      boolean verified,
      BigInteger networkRawPower,
      BigInteger networkQaPower,
      BigInteger baselinePower,
      TokenAmount networkCirculatingSupply) {
    BigInteger lockTargetNum =
        PROVIDER_COLLATERAL_SUPPLY_TARGET_NUM.multiply(networkCirculatingSupply.atto());
    BigInteger powerShareNum = new BigInteger(Long.toUnsignedString(pieceSize));
    BigInteger powerShareDenom = networkRawPower.max(baselinePower).max(powerShareNum);
    BigInteger num = lockTargetNum.multiply(powerShareNum);
    BigInteger denom = PROVIDER_COLLATERAL_SUPPLY_TARGET_DENOM.multiply(powerShareDenom);
    // go-state-types big.Div truncates toward zero, as BigInteger.divide does.
    return new Bounds<>(TokenAmount.ofAtto(num.divide(denom)), TokenAmount.TOTAL_FILECOIN);
  }

  public static Bounds<TokenAmount> dealClientCollateralBounds(long pieceSize, long duration) {
    return new Bounds<>(TokenAmount.ZERO, TokenAmount.TOTAL_FILECOIN);
  }

  /**
   * Penalty to the provider when a deal is not activated by its start epoch: all its collateral.
   */
  public static TokenAmount collateralPenaltyForDealActivationMissed(
      TokenAmount providerCollateral) {
    return providerCollateral;
  }

  /** A deal's weight: duration × padded size. */
  public static BigInteger dealWeight(DealProposal proposal) {
    return BigInteger.valueOf(proposal.duration()).multiply(proposal.pieceSizeUnsigned());
  }

  /** PieceCIDPrefix: CIDv1, fil-commitment-unsealed, sha2-256-trunc254-padded, 32 bytes. */
  public static boolean hasPieceCidPrefix(Cid cid) {
    return cid.version() == 1
        && cid.codec() == Cid.FIL_COMMITMENT_UNSEALED
        && cid.hashFunction() == Multihash.SHA2_256_TRUNC254_PADDED
        && cid.digest().length == 32;
  }

  /** abi.PaddedPieceSize.Validate: at least 128 and a power of two. */
  public static boolean isValidPieceSize(long pieceSize) {
    return Long.compareUnsigned(pieceSize, 128) >= 0 && Long.bitCount(pieceSize) == 1;
  }
}
