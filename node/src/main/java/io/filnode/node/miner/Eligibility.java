package io.filnode.node.miner;

import io.filnode.actors.v2.miner.MinerInfo;
import io.filnode.actors.v2.power.Claim;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.NetworkSchedule;
import java.util.Optional;

/**
 * Whether a miner may produce a block on a base (Lotus v1.10.0's {@code MinerEligibleToMine}): its
 * nominal power meets the consensus minimum at the lookback; and from network version 4, in the
 * base's parent state, it has a positive claim, no fee debt and no active consensus fault.
 */
final class Eligibility {
  private Eligibility() {}

  static boolean eligibleToMine(
      IpldStore store, NetworkSchedule schedule, Address miner, TipSet base, TipSet lookback)
      throws MiningException {
    boolean hasMinPower =
        PowerStateView.load(store, lookback.parentStateRoot())
            .minerNominalPowerMeetsConsensusMinimum(miner);
    if (schedule.versionAt(base.height()) <= 3 || !hasMinPower) {
      return hasMinPower;
    }
    Optional<Claim> claim = PowerStateView.load(store, base.parentStateRoot()).claim(miner);
    if (claim.isEmpty() || claim.get().qualityAdjPower().signum() <= 0) {
      return false;
    }
    MinerStateView mstate = MinerStateView.require(store, base.parentStateRoot(), miner);
    if (mstate.feeDebt().signum() != 0) {
      return false;
    }
    MinerInfo info = mstate.info();
    return base.height() > info.consensusFaultElapsed();
  }
}
