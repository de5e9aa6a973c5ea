package io.filnode.vm;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;

/**
 * What a {@link Vm} needs besides the state: the network-version schedule, base fee, circulating
 * supply, randomness, proof backend, actor registry, the state at past epochs (for consensus fault
 * checks; may be null, as in Lotus's message conformance driver) and whether to record call traces.
 */
public record VmConfig(
    NetworkSchedule schedule,
    TokenAmount baseFee,
    CircSupply circSupply,
    Randomness randomness,
    ProofVerifier proofs,
    ActorRegistry registry,
    LookbackState lookback,
    boolean trace) {

  /** The circulating supply at an epoch, given the state being executed. */
  @FunctionalInterface
  public interface CircSupply {
    TokenAmount at(long epoch, VmStateTree state);
  }

  /** The state root at a past epoch. */
  @FunctionalInterface
  public interface LookbackState {
    Cid stateAt(long epoch);
  }

  public VmConfig withTrace(boolean on) {
    return new VmConfig(schedule, baseFee, circSupply, randomness, proofs, registry, lookback, on);
  }
}
