package io.filnode.actors.v2.power;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The v2 power policy: specs-actors {@code power/policy.go} and the consensus minimum miner power
 * by seal proof type ({@code builtin.ConsensusMinerMinPower}).
 */
public final class PowerPolicy {
  /**
   * How many miners must reach the consensus minimum power before it is enforced: below that, the
   * totals count every miner's power.
   */
  public static final long CONSENSUS_MINER_MIN_MINERS = 4;

  /** How many prove-commits a miner may submit for batch verification in one epoch. */
  public static final long MAX_MINER_PROVE_COMMITS_PER_EPOCH = 200;

  /** 10 TiB, the v2 minimum for every supported seal proof type. */
  private static final BigInteger TEN_TIB = BigInteger.valueOf(10L << 40);

  private PowerPolicy() {}

  /**
   * The minimum raw power a miner with {@code sealProofType} needs to count for consensus, or empty
   * for a seal proof type v2 does not support: the StackedDRG V1 types 0–4 (2 KiB, 8 MiB, 512 MiB,
   * 32 GiB, 64 GiB) and their V1_1 variants 5–9.
   */
  public static Optional<BigInteger> consensusMinerMinPower(long sealProofType) {
    if (sealProofType >= 0 && sealProofType <= 9) {
      return Optional.of(TEN_TIB);
    }
    return Optional.empty();
  }
}
