package io.filnode.actors.builtin;

import java.math.BigInteger;

/**
 * go-state-types {@code abi.RegisteredSealProof} and the seal-proof policies of specs-actors v2
 * {@code builtin/sector.go}: sector size, Window PoSt proof and partition size, maximum lifetime
 * and minimum consensus power per seal proof type. Unknown types answer {@code -1} or null so that
 * callers pick the exit code, as Go's methods return an error.
 */
public final class SealProofs {
  public static final long STACKED_DRG_2KIB_V1 = 0;
  public static final long STACKED_DRG_8MIB_V1 = 1;
  public static final long STACKED_DRG_512MIB_V1 = 2;
  public static final long STACKED_DRG_32GIB_V1 = 3;
  public static final long STACKED_DRG_64GIB_V1 = 4;
  public static final long STACKED_DRG_2KIB_V1_1 = 5;
  public static final long STACKED_DRG_8MIB_V1_1 = 6;
  public static final long STACKED_DRG_512MIB_V1_1 = 7;
  public static final long STACKED_DRG_32GIB_V1_1 = 8;
  public static final long STACKED_DRG_64GIB_V1_1 = 9;

  /** abi.RegisteredPoStProof window PoSt types (winning PoSt types are 0 to 4). */
  public static final long WINDOW_POST_2KIB_V1 = 5;

  public static final long WINDOW_POST_8MIB_V1 = 6;
  public static final long WINDOW_POST_512MIB_V1 = 7;
  public static final long WINDOW_POST_32GIB_V1 = 8;
  public static final long WINDOW_POST_64GIB_V1 = 9;

  /** builtin.EpochsInFiveYears: the maximum lifetime of every Stacked DRG sector. */
  public static final long EPOCHS_IN_FIVE_YEARS = 5 * 365 * 2880L;

  private static final long[] SECTOR_SIZES = {2L << 10, 8L << 20, 512L << 20, 32L << 30, 64L << 30};
  private static final long[] PARTITION_SECTORS = {2, 2, 2, 2349, 2300};
  private static final BigInteger CONSENSUS_MINER_MIN_POWER = BigInteger.valueOf(10L << 40);

  private SealProofs() {}

  private static int sizeIndex(long sealProof) {
    return sealProof >= 0 && sealProof <= 9 ? (int) (sealProof % 5) : -1;
  }

  /** True for the ten Stacked DRG seal proof types. */
  public static boolean isKnown(long sealProof) {
    return sizeIndex(sealProof) >= 0;
  }

  /** The sector size in bytes, or -1 for an unknown type ({@code SectorSize}). */
  public static long sectorSize(long sealProof) {
    int i = sizeIndex(sealProof);
    return i < 0 ? -1 : SECTOR_SIZES[i];
  }

  /** The Window PoSt proof type, or -1 for an unknown type ({@code RegisteredWindowPoStProof}). */
  public static long windowPoStProof(long sealProof) {
    int i = sizeIndex(sealProof);
    return i < 0 ? -1 : WINDOW_POST_2KIB_V1 + i;
  }

  /**
   * Sectors per Window PoSt partition, or -1 for an unknown type ({@code
   * SealProofWindowPoStPartitionSectors}).
   */
  public static long windowPoStPartitionSectors(long sealProof) {
    int i = sizeIndex(sealProof);
    return i < 0 ? -1 : PARTITION_SECTORS[i];
  }

  /** Sectors per partition for a Window PoSt proof type, or -1 if it is not one. */
  public static long postProofWindowPoStPartitionSectors(long postProof) {
    return postProof >= WINDOW_POST_2KIB_V1 && postProof <= WINDOW_POST_64GIB_V1
        ? PARTITION_SECTORS[(int) (postProof - WINDOW_POST_2KIB_V1)]
        : -1;
  }

  /** The maximum sector lifetime, or -1 for an unknown type ({@code SectorMaximumLifetime}). */
  public static long sectorMaximumLifetime(long sealProof) {
    return isKnown(sealProof) ? EPOCHS_IN_FIVE_YEARS : -1;
  }

  /** The minimum power for leader election, or null for an unknown type. */
  public static BigInteger consensusMinerMinPower(long sealProof) {
    return isKnown(sealProof) ? CONSENSUS_MINER_MIN_POWER : null;
  }
}
