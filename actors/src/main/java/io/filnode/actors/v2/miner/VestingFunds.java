package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The miner's vesting table: funds by the epoch they vest at, sorted by epoch. Mutable. */
public final class VestingFunds implements CborEncodable {
  private final List<VestingFund> funds;

  public VestingFunds(List<VestingFund> funds) {
    this.funds = new ArrayList<>(funds);
  }

  public static VestingFunds empty() {
    return new VestingFunds(List.of());
  }

  public List<VestingFund> funds() {
    return List.copyOf(funds);
  }

  /** Removes and returns the sum of the funds that vested before {@code currEpoch}. */
  TokenAmount unlockVestedFunds(long currEpoch) {
    BigInteger unlocked = BigInteger.ZERO;
    int removed = 0;
    for (VestingFund vf : funds) {
      if (vf.epoch() >= currEpoch) {
        break;
      }
      unlocked = unlocked.add(vf.amount().atto());
      removed++;
    }
    funds.subList(0, removed).clear();
    return new TokenAmount(unlocked);
  }

  /** Adds {@code vestingSum} to the table, vesting linearly as {@code spec} says. */
  void addLockedFunds(
      long currEpoch, TokenAmount vestingSum, long provingPeriodStart, VestSpec spec) {
    Map<Long, Integer> epochToIndex = new HashMap<>();
    for (int i = 0; i < funds.size(); i++) {
      epochToIndex.put(funds.get(i).epoch(), i);
    }
    long vestBegin = currEpoch + spec.initialDelay();
    BigInteger sum = vestingSum.atto();
    BigInteger vestPeriod = BigInteger.valueOf(spec.vestPeriod());
    BigInteger vestedSoFar = BigInteger.ZERO;
    for (long e = vestBegin + spec.stepDuration();
        vestedSoFar.compareTo(sum) < 0;
        e += spec.stepDuration()) {
      long vestEpoch = QuantSpec.quantizeUp(e, spec.quantization(), provingPeriodStart);
      long elapsed = vestEpoch - vestBegin;
      BigInteger targetVest =
          elapsed < spec.vestPeriod()
              ? Big.div(sum.multiply(BigInteger.valueOf(elapsed)), vestPeriod)
              : sum;
      BigInteger vestThisTime = targetVest.subtract(vestedSoFar);
      vestedSoFar = targetVest;
      Integer index = epochToIndex.get(vestEpoch);
      if (index != null) {
        VestingFund old = funds.get(index);
        funds.set(
            index, new VestingFund(vestEpoch, old.amount().add(new TokenAmount(vestThisTime))));
      } else {
        funds.add(new VestingFund(vestEpoch, new TokenAmount(vestThisTime)));
        epochToIndex.put(vestEpoch, funds.size() - 1);
      }
    }
    // epochs are distinct, so the order is total and any sort gives Go's result
    funds.sort(Comparator.comparingLong(VestingFund::epoch));
  }

  /**
   * Unlocks up to {@code target} from funds not yet vested at {@code currEpoch}, earliest first;
   * returns the amount unlocked.
   */
  TokenAmount unlockUnvestedFunds(long currEpoch, TokenAmount target) {
    BigInteger goal = target.atto();
    BigInteger unlocked = BigInteger.ZERO;
    int lastIndexToRemove = -1;
    int startIndexForRemove = 0;
    for (int i = 0; i < funds.size(); i++) {
      if (unlocked.compareTo(goal) >= 0) {
        break;
      }
      VestingFund vf = funds.get(i);
      if (vf.epoch() >= currEpoch) {
        BigInteger unlockAmount = goal.subtract(unlocked).min(vf.amount().atto());
        unlocked = unlocked.add(unlockAmount);
        BigInteger newAmount = vf.amount().atto().subtract(unlockAmount);
        if (newAmount.signum() == 0) {
          lastIndexToRemove = i;
        } else {
          funds.set(i, new VestingFund(vf.epoch(), new TokenAmount(newAmount)));
        }
      } else {
        startIndexForRemove = i + 1;
      }
    }
    if (lastIndexToRemove != -1) {
      funds.subList(startIndexForRemove, lastIndexToRemove + 1).clear();
    }
    return new TokenAmount(unlocked);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(funds.size());
    for (VestingFund f : funds) {
      f.encode(w);
    }
  }

  public static VestingFunds decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "VestingFunds");
    int n = r.readArrayHeader();
    List<VestingFund> funds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      funds.add(VestingFund.decode(r));
    }
    return new VestingFunds(funds);
  }
}
