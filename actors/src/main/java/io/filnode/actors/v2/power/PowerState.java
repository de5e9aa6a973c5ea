package io.filnode.actors.v2.power;

import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.util.adt.Multimap;
import io.filnode.actors.util.smoothing.AlphaBetaFilter;
import io.filnode.actors.util.smoothing.FilterEstimate;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The v2 storage power actor's state (specs-actors {@code power.State}), a tuple of 15: network
 * totals, the values frozen for the current epoch, the miners' claims, the cron event queue and the
 * batch of PoReps waiting for verification. Mutable: the actor changes it inside a state
 * transaction.
 */
public final class PowerState implements CborEncodable {
  /** Genesis power estimate: 750,000 GiB. */
  public static final BigInteger INITIAL_QA_POWER_ESTIMATE_POSITION =
      BigInteger.valueOf(750_000L).shiftLeft(30);

  /** Maximum chain throughput estimate: 3,840 GiB per epoch. */
  public static final BigInteger INITIAL_QA_POWER_ESTIMATE_VELOCITY =
      BigInteger.valueOf(3_840L).shiftLeft(30);

  public BigInteger totalRawBytePower;

  /** Includes the claims of miners below the minimum power. */
  public BigInteger totalBytesCommitted;

  public BigInteger totalQualityAdjPower;

  /** Includes the claims of miners below the minimum power. */
  public BigInteger totalQaBytesCommitted;

  public TokenAmount totalPledgeCollateral;

  // Set at each cron tick, for the whole next epoch.
  public BigInteger thisEpochRawBytePower;
  public BigInteger thisEpochQualityAdjPower;
  public TokenAmount thisEpochPledgeCollateral;
  public FilterEstimate thisEpochQaPowerSmoothed;

  public long minerCount;

  /** Miners whose raw power reached the consensus minimum. */
  public long minerAboveMinPowerCount;

  /** Multimap: epoch (IntKey) → AMT of {@link CronEvent}. */
  public Cid cronEventQueue;

  /** The first epoch that cron processing looks at. */
  public long firstCronEpoch;

  /** HAMT: miner address → {@link Claim}. */
  public Cid claims;

  /** Multimap: miner address → AMT of SealVerifyInfo, or null when empty. */
  public Cid proofValidationBatch;

  @SuppressWarnings("TooManyParameters") // the state's tuple, field for field
  PowerState(
      BigInteger totalRawBytePower,
      BigInteger totalBytesCommitted,
      BigInteger totalQualityAdjPower,
      BigInteger totalQaBytesCommitted,
      TokenAmount totalPledgeCollateral,
      BigInteger thisEpochRawBytePower,
      BigInteger thisEpochQualityAdjPower,
      TokenAmount thisEpochPledgeCollateral,
      FilterEstimate thisEpochQaPowerSmoothed,
      long minerCount,
      long minerAboveMinPowerCount,
      Cid cronEventQueue,
      long firstCronEpoch,
      Cid claims,
      Cid proofValidationBatch) {
    this.totalRawBytePower = totalRawBytePower;
    this.totalBytesCommitted = totalBytesCommitted;
    this.totalQualityAdjPower = totalQualityAdjPower;
    this.totalQaBytesCommitted = totalQaBytesCommitted;
    this.totalPledgeCollateral = totalPledgeCollateral;
    this.thisEpochRawBytePower = thisEpochRawBytePower;
    this.thisEpochQualityAdjPower = thisEpochQualityAdjPower;
    this.thisEpochPledgeCollateral = thisEpochPledgeCollateral;
    this.thisEpochQaPowerSmoothed = thisEpochQaPowerSmoothed;
    this.minerCount = minerCount;
    this.minerAboveMinPowerCount = minerAboveMinPowerCount;
    this.cronEventQueue = cronEventQueue;
    this.firstCronEpoch = firstCronEpoch;
    this.claims = claims;
    this.proofValidationBatch = proofValidationBatch;
  }

  /** The state at construction, with the roots of an empty HAMT and an empty multimap. */
  public static PowerState construct(Cid emptyMapCid, Cid emptyMultimapCid) {
    return new PowerState(
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO,
        TokenAmount.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO,
        TokenAmount.ZERO,
        FilterEstimate.of(INITIAL_QA_POWER_ESTIMATE_POSITION, INITIAL_QA_POWER_ESTIMATE_VELOCITY),
        0,
        0,
        emptyMultimapCid,
        0,
        emptyMapCid,
        null);
  }

  /**
   * The network's raw and quality-adjusted power: every miner's until enough miners reach the
   * minimum, then only theirs.
   */
  public TotalPower currentTotalPower() {
    if (minerAboveMinPowerCount < PowerPolicy.CONSENSUS_MINER_MIN_MINERS) {
      return new TotalPower(totalBytesCommitted, totalQaBytesCommitted);
    }
    return new TotalPower(totalRawBytePower, totalQualityAdjPower);
  }

  /** Raw and quality-adjusted power. */
  public record TotalPower(BigInteger rawBytePower, BigInteger qualityAdjPower) {}

  /** The claim of {@code miner}, or null when it has none. */
  static Claim getClaim(AdtMap claims, Address miner) {
    return claims.get(Keys.address(miner), Claim::decode);
  }

  static void setClaim(AdtMap claims, Address miner, Claim claim) {
    if (claim.rawBytePower().signum() < 0 || claim.qualityAdjPower().signum() < 0) {
      throw new IllegalStateException("negative claimed power for " + miner + ": " + claim);
    }
    claims.put(Keys.address(miner), claim);
  }

  /**
   * Adds (or with negative deltas subtracts) power to a miner's claim and to the totals, moving the
   * miner across the consensus minimum as needed. As in Go, the committed totals change before the
   * checks that may fail.
   */
  void addToClaim(AdtMap claims, Address miner, BigInteger power, BigInteger qaPower)
      throws ClaimException {
    Claim oldClaim = getClaim(claims, miner);
    if (oldClaim == null) {
      throw new ClaimException(ExitCode.ERR_NOT_FOUND, "no claim for actor " + miner);
    }
    totalQaBytesCommitted = totalQaBytesCommitted.add(qaPower);
    totalBytesCommitted = totalBytesCommitted.add(power);

    Claim newClaim =
        new Claim(
            oldClaim.sealProofType(),
            oldClaim.rawBytePower().add(power),
            oldClaim.qualityAdjPower().add(qaPower));
    BigInteger minPower = minPower(oldClaim.sealProofType());
    boolean prevBelow = oldClaim.rawBytePower().compareTo(minPower) < 0;
    boolean stillBelow = newClaim.rawBytePower().compareTo(minPower) < 0;
    if (prevBelow && !stillBelow) {
      minerAboveMinPowerCount++;
      totalQualityAdjPower = totalQualityAdjPower.add(newClaim.qualityAdjPower());
      totalRawBytePower = totalRawBytePower.add(newClaim.rawBytePower());
    } else if (!prevBelow && stillBelow) {
      minerAboveMinPowerCount--;
      totalQualityAdjPower = totalQualityAdjPower.subtract(oldClaim.qualityAdjPower());
      totalRawBytePower = totalRawBytePower.subtract(oldClaim.rawBytePower());
    } else if (!prevBelow) {
      totalQualityAdjPower = totalQualityAdjPower.add(qaPower);
      totalRawBytePower = totalRawBytePower.add(power);
    }
    if (newClaim.rawBytePower().signum() < 0 || newClaim.qualityAdjPower().signum() < 0) {
      throw new IllegalStateException("negative claimed power: " + newClaim);
    }
    if (minerAboveMinPowerCount < 0) {
      throw new IllegalStateException("negative number of miners above min power");
    }
    setClaim(claims, miner, newClaim);
  }

  /** Counts a new miner above the minimum when its proof type's minimum is zero (from nv7). */
  void updateStatsForNewMiner(long sealProofType) throws ClaimException {
    if (minPower(sealProofType).signum() <= 0) {
      minerAboveMinPowerCount++;
    }
  }

  /** Removes a miner's claim, subtracting its power from the totals first. */
  void deleteClaim(AdtMap claims, Address miner) throws ClaimException {
    Claim oldClaim = getClaim(claims, miner);
    if (oldClaim == null) {
      return;
    }
    addToClaim(
        claims, miner, oldClaim.rawBytePower().negate(), oldClaim.qualityAdjPower().negate());
    claims.delete(Keys.address(miner));
  }

  void addPledgeTotal(TokenAmount amount) {
    totalPledgeCollateral = totalPledgeCollateral.add(amount);
    if (totalPledgeCollateral.signum() < 0) {
      throw new IllegalStateException("pledged amount cannot be negative");
    }
  }

  /** Queues {@code event} at {@code epoch}, moving the first cron epoch back if it is earlier. */
  void appendCronEvent(Multimap events, long epoch, CronEvent event) {
    if (epoch < firstCronEpoch) {
      firstCronEpoch = epoch;
    }
    events.add(epochKey(epoch), event);
  }

  void updateSmoothedEstimate(long delta) {
    thisEpochQaPowerSmoothed =
        AlphaBetaFilter.withDefaults(thisEpochQaPowerSmoothed)
            .nextEstimate(thisEpochQualityAdjPower, delta);
  }

  static List<CronEvent> loadCronEvents(Multimap events, long epoch) {
    List<CronEvent> out = new ArrayList<>();
    events.forEach(
        epochKey(epoch),
        (i, value) -> out.add(CborReader.decodeWhole(value, "CronEvent", CronEvent::decode)));
    return out;
  }

  static byte[] epochKey(long epoch) {
    return Keys.signed(epoch);
  }

  private static BigInteger minPower(long sealProofType) throws ClaimException {
    return PowerPolicy.consensusMinerMinPower(sealProofType)
        .orElseThrow(
            () ->
                new ClaimException(
                    ExitCode.ERR_ILLEGAL_STATE, "unsupported proof type: " + sealProofType));
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(15);
    w.writeBigInt(totalRawBytePower);
    w.writeBigInt(totalBytesCommitted);
    w.writeBigInt(totalQualityAdjPower);
    w.writeBigInt(totalQaBytesCommitted);
    totalPledgeCollateral.encode(w);
    w.writeBigInt(thisEpochRawBytePower);
    w.writeBigInt(thisEpochQualityAdjPower);
    thisEpochPledgeCollateral.encode(w);
    thisEpochQaPowerSmoothed.encode(w);
    w.writeInt64(minerCount);
    w.writeInt64(minerAboveMinPowerCount);
    w.writeCid(cronEventQueue);
    w.writeInt64(firstCronEpoch);
    w.writeCid(claims);
    w.writeCidOrNull(proofValidationBatch);
  }

  public static PowerState decode(CborReader r) throws CborException {
    r.readTupleHeader(15, "power.State");
    return new PowerState(
        r.readBigInt(),
        r.readBigInt(),
        r.readBigInt(),
        r.readBigInt(),
        TokenAmount.decode(r),
        r.readBigInt(),
        r.readBigInt(),
        TokenAmount.decode(r),
        FilterEstimate.decode(r),
        r.readInt64(),
        r.readInt64(),
        r.readCid(),
        r.readInt64(),
        r.readCid(),
        r.readCidOrNull());
  }
}
