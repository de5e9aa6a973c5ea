package io.filnode.node.miner;

import io.filnode.actors.v2.power.Claim;
import io.filnode.actors.v2.power.PowerPolicy;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What EC reads from the v2 storage power actor (Lotus's {@code power.State} adapter for v2): the
 * network's total quality-adjusted power, miners' claims, and whether a miner's power counts.
 */
final class PowerStateView {
  /** The storage power actor, f04. */
  static final Address ADDRESS = Address.newId(4);

  private final IpldStore store;
  private final PowerState state;

  private PowerStateView(IpldStore store, PowerState state) {
    this.store = store;
    this.state = state;
  }

  static PowerStateView load(IpldStore store, Cid stateRoot) throws MiningException {
    PowerState st =
        ActorStates.load(store, stateRoot, ADDRESS, ActorKind.STORAGE_POWER, PowerState::decode)
            .orElseThrow(() -> new MiningException("state " + stateRoot + " has no power actor"));
    return new PowerStateView(store, st);
  }

  /**
   * The network's quality-adjusted power as EC weighs it: {@code TotalQualityAdjPower}, which
   * counts only miners above the consensus minimum (Lotus's {@code TotalPower()} for v2).
   */
  BigInteger totalQualityAdjPower() {
    return state.totalQualityAdjPower;
  }

  /** The miner's claim, if it has one. */
  Optional<Claim> claim(Address miner) throws MiningException {
    try {
      Hamt claims =
          Hamt.load(store, state.claims, BuiltinActors.hamtOptions(ActorStates.ACTORS_VERSION));
      return Optional.ofNullable(claims.get(miner.bytes(), Claim::decode));
    } catch (CborException e) {
      throw new MiningException("reading the power claim of " + miner, e);
    }
  }

  /**
   * specs-actors v2's {@code MinerNominalPowerMeetsConsensusMinimum}: raw power at or above the
   * minimum for the miner's seal proof type; or, while fewer than {@link
   * PowerPolicy#CONSENSUS_MINER_MIN_MINERS} miners reach it, any raw power above zero.
   */
  boolean minerNominalPowerMeetsConsensusMinimum(Address miner) throws MiningException {
    Claim claim =
        claim(miner).orElseThrow(() -> new MiningException("no power claim for actor " + miner));
    BigInteger minPower =
        PowerPolicy.consensusMinerMinPower(claim.sealProofType())
            .orElseThrow(
                () ->
                    new MiningException(
                        "no consensus minimum power for seal proof type " + claim.sealProofType()));
    BigInteger nominal = claim.rawBytePower();
    if (nominal.compareTo(minPower) >= 0) {
      return true;
    }
    if (state.minerAboveMinPowerCount >= PowerPolicy.CONSENSUS_MINER_MIN_MINERS) {
      return false;
    }
    return nominal.signum() > 0;
  }
}
