package io.filnode.actors.v2.miner;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

/**
 * The miner policy of specs-actors v2 {@code miner/policy.go}, with the network constants it uses.
 */
public final class Policy {
  // builtin/network.go
  public static final long EPOCH_DURATION_SECONDS = 30;
  public static final long EPOCHS_IN_HOUR = 3600 / EPOCH_DURATION_SECONDS;
  public static final long EPOCHS_IN_DAY = 24 * EPOCHS_IN_HOUR;
  public static final long EXPECTED_LEADERS_PER_EPOCH = 5;
  public static final BigInteger QUALITY_BASE_MULTIPLIER = BigInteger.TEN;
  public static final BigInteger DEAL_WEIGHT_MULTIPLIER = BigInteger.TEN;
  public static final BigInteger VERIFIED_DEAL_WEIGHT_MULTIPLIER = BigInteger.valueOf(100);
  public static final int SECTOR_QUALITY_PRECISION = 20;

  public static final long WPOST_PROVING_PERIOD = EPOCHS_IN_DAY;
  public static final long WPOST_CHALLENGE_WINDOW = 30 * 60 / EPOCH_DURATION_SECONDS;
  public static final int WPOST_PERIOD_DEADLINES = 48;
  public static final long MAX_PARTITIONS_PER_DEADLINE = 3000;
  public static final long ADDRESSED_PARTITIONS_MAX = MAX_PARTITIONS_PER_DEADLINE;
  public static final long DECLARATIONS_MAX = ADDRESSED_PARTITIONS_MAX;
  public static final long ADDRESSED_SECTORS_MAX = 10_000;
  public static final int MAX_PEER_ID_LENGTH = 128;
  public static final int MAX_MULTIADDR_DATA = 1024;
  public static final int MAX_PROVE_COMMIT_SIZE_V4 = 1024;
  public static final int MAX_PROVE_COMMIT_SIZE_V5 = 10240;
  public static final int MAX_CONTROL_ADDRESSES = 10;
  public static final long CHAIN_FINALITY = 900;
  public static final long PRE_COMMIT_CHALLENGE_DELAY = 150;
  public static final long MAX_PRE_COMMIT_RANDOMNESS_LOOKBACK = EPOCHS_IN_DAY + CHAIN_FINALITY;
  public static final long WPOST_CHALLENGE_LOOKBACK = 20;
  public static final long FAULT_DECLARATION_CUTOFF = WPOST_CHALLENGE_LOOKBACK + 50;
  public static final long FAULT_MAX_AGE = WPOST_PROVING_PERIOD * 14;
  public static final long WORKER_KEY_CHANGE_DELAY = CHAIN_FINALITY;
  public static final long MIN_SECTOR_EXPIRATION = 180 * EPOCHS_IN_DAY;
  public static final long MAX_SECTOR_EXPIRATION_EXTENSION = 540 * EPOCHS_IN_DAY;
  public static final long DEAL_LIMIT_DENOMINATOR = 134217728;
  public static final long CONSENSUS_FAULT_INELIGIBILITY_DURATION = CHAIN_FINALITY;

  /** The largest sector number (abi.MaxSectorNumber, 2^63 - 1). */
  public static final long MAX_SECTOR_NUMBER = Long.MAX_VALUE;

  /** CommR's CID prefix: v1, fil-commitment-sealed, poseidon-bls12_381-a2-fc1, 32 bytes. */
  public static final long SEALED_CID_CODEC = Cid.FIL_COMMITMENT_SEALED;

  public static final long SEALED_CID_HASH = 0xb401;

  private static final BigInteger REPORTER_INITIAL_SHARE_NUM = BigInteger.ONE;
  private static final BigInteger REPORTER_INITIAL_SHARE_DENOM = BigInteger.valueOf(1000);
  private static final BigInteger REPORTER_GROWTH_NUM = BigInteger.valueOf(100785473384L);
  private static final BigInteger REPORTER_GROWTH_DENOM = BigInteger.valueOf(100000000000L);
  private static final BigInteger REPORTER_MAX_SHARE_NUM = BigInteger.ONE;
  private static final BigInteger REPORTER_MAX_SHARE_DENOM = BigInteger.valueOf(20);

  /** The vesting schedule of block rewards. */
  public static final VestSpec REWARD_VESTING_SPEC =
      new VestSpec(0, 180 * EPOCHS_IN_DAY, EPOCHS_IN_DAY, 12 * EPOCHS_IN_HOUR);

  private Policy() {}

  /** The maximum number of partitions loaded at once when all their sector infos are loaded. */
  static long loadPartitionsSectorsMax(long partitionSectorCount) {
    return Math.min(ADDRESSED_SECTORS_MAX / partitionSectorCount, ADDRESSED_PARTITIONS_MAX);
  }

  /** True if a sealed CID has CommR's prefix. */
  static boolean hasSealedCidPrefix(Cid c) {
    return c.version() == 1
        && c.codec() == SEALED_CID_CODEC
        && c.hashFunction() == SEALED_CID_HASH
        && c.digest().length == 32;
  }

  /** Whether new miners and sectors may use {@code sealProof} at network version {@code nv}. */
  public static boolean canPreCommitSealProof(long sealProof, int nv) {
    if (nv >= 8) {
      return sealProof == SealProofs.STACKED_DRG_32GIB_V1_1
          || sealProof == SealProofs.STACKED_DRG_64GIB_V1_1;
    }
    boolean v1 =
        sealProof == SealProofs.STACKED_DRG_32GIB_V1
            || sealProof == SealProofs.STACKED_DRG_64GIB_V1;
    if (nv >= 7) {
      return v1
          || sealProof == SealProofs.STACKED_DRG_32GIB_V1_1
          || sealProof == SealProofs.STACKED_DRG_64GIB_V1_1;
    }
    return v1;
  }

  /** Whether sectors sealed with {@code sealProof} may have their lifetime extended. */
  public static boolean canExtendSealProofType(long sealProof, int nv) {
    if (nv >= 7) {
      return sealProof == SealProofs.STACKED_DRG_32GIB_V1_1
          || sealProof == SealProofs.STACKED_DRG_64GIB_V1_1;
    }
    return sealProof == SealProofs.STACKED_DRG_32GIB_V1
        || sealProof == SealProofs.STACKED_DRG_64GIB_V1;
  }

  /** The maximum delay between pre-commit and proof, or -1 if the proof type has none. */
  public static long maxProveCommitDuration(long sealProof) {
    return SealProofs.isKnown(sealProof) ? EPOCHS_IN_DAY + PRE_COMMIT_CHALLENGE_DELAY : -1;
  }

  /** The sector quality for its size, duration and deal weights, scaled by 2^20. */
  public static BigInteger qualityForWeight(
      long size, long duration, BigInteger dealWeight, BigInteger verifiedWeight) {
    BigInteger sectorSpaceTime = unsigned(size).multiply(BigInteger.valueOf(duration));
    BigInteger totalDealSpaceTime = dealWeight.add(verifiedWeight);
    BigInteger weightedBase =
        sectorSpaceTime.subtract(totalDealSpaceTime).multiply(QUALITY_BASE_MULTIPLIER);
    BigInteger weightedDeal = dealWeight.multiply(DEAL_WEIGHT_MULTIPLIER);
    BigInteger weightedVerified = verifiedWeight.multiply(VERIFIED_DEAL_WEIGHT_MULTIPLIER);
    BigInteger weightedSum = weightedBase.add(weightedDeal).add(weightedVerified);
    BigInteger scaledUp = weightedSum.shiftLeft(SECTOR_QUALITY_PRECISION);
    return Big.div(Big.div(scaledUp, sectorSpaceTime), QUALITY_BASE_MULTIPLIER);
  }

  /** The quality-adjusted power for a sector size, committed duration and deal weights. */
  public static BigInteger qaPowerForWeight(
      long size, long duration, BigInteger dealWeight, BigInteger verifiedWeight) {
    BigInteger quality = qualityForWeight(size, duration, dealWeight, verifiedWeight);
    return unsigned(size).multiply(quality).shiftRight(SECTOR_QUALITY_PRECISION);
  }

  /** The quality-adjusted power of a sector. */
  public static BigInteger qaPowerForSector(long size, SectorOnChainInfo sector) {
    long duration = sector.expiration() - sector.activation();
    return qaPowerForWeight(size, duration, sector.dealWeight(), sector.verifiedDealWeight());
  }

  /** The maximum number of deals in a sector of this size. */
  public static long sectorDealsMax(long size) {
    return Math.max(256, Long.divideUnsigned(size, DEAL_LIMIT_DENOMINATOR));
  }

  /**
   * The reporter's share of a consensus fault penalty: min(initialShare * growth^elapsed, maxShare)
   * of the collateral.
   */
  public static TokenAmount rewardForConsensusSlashReport(
      long elapsedEpoch, TokenAmount collateral) {
    // big.Exp with a negative exponent yields 1 in Go; elapsed is always positive here
    int elapsed = (int) Math.max(0, Math.min(elapsedEpoch, Integer.MAX_VALUE));
    BigInteger shareNum = REPORTER_GROWTH_NUM.pow(elapsed);
    BigInteger shareDenom = REPORTER_GROWTH_DENOM.pow(elapsed);
    BigInteger num = shareNum.multiply(REPORTER_INITIAL_SHARE_NUM).multiply(collateral.atto());
    BigInteger denom = shareDenom.multiply(REPORTER_INITIAL_SHARE_DENOM);
    BigInteger max =
        Big.div(collateral.atto().multiply(REPORTER_MAX_SHARE_NUM), REPORTER_MAX_SHARE_DENOM);
    return new TokenAmount(Big.div(num, denom).min(max));
  }

  static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v);
    return v >= 0 ? b : b.add(BigInteger.ONE.shiftLeft(64));
  }
}
