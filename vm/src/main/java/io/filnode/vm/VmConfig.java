package io.filnode.vm;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;

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
  /** The total FIL supply, 2·10^9 FIL in attoFIL: the conformance default circulating supply. */
  public static final TokenAmount TOTAL_FILECOIN =
      TokenAmount.ofAtto(BigInteger.valueOf(2_000_000_000L).multiply(TokenAmount.ATTO_PER_FIL));

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
