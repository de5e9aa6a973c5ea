package io.filnode.vm.stmgr;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.Randomness;
import io.filnode.vm.VmConfig;
import java.util.Optional;

/**
 * Lotus's {@code stmgr.StateManager}: the state after each tipset, computed by the VM from its
 * parent state and messages and cached, and what executing on top of a tipset needs (randomness
 * drawn from its chain, the next base fee, the circulating supply).
 *
 * <p>CONTRACT SKELETON (session 3): the signatures are the agreed API; the bodies are being built
 * on the {@code stmgr} branch.
 */
public final class StateManager {
  private final ChainStore chain;
  private final NetworkSchedule schedule;
  private final BeaconSource beacon;
  private final ProofVerifier proofs;
  private final ActorRegistry registry;

  public StateManager(
      ChainStore chain,
      NetworkSchedule schedule,
      BeaconSource beacon,
      ProofVerifier proofs,
      ActorRegistry registry) {
    this.chain = chain;
    this.schedule = schedule;
    this.beacon = beacon;
    this.proofs = proofs;
    this.registry = registry;
  }

  public ChainStore chain() {
    return chain;
  }

  public NetworkSchedule schedule() {
    return schedule;
  }

  public BeaconSource beacon() {
    return beacon;
  }

  public ProofVerifier proofs() {
    return proofs;
  }

  public ActorRegistry registry() {
    return registry;
  }

  /**
   * The state after applying {@code ts} and the receipts of its messages (Lotus's {@code
   * TipSetState}); for the genesis, its own state and receipts roots. Computed once, then cached.
   */
  public TipSetState tipSetState(TipSet ts) throws StateManagerException {
    throw new UnsupportedOperationException("stmgr branch");
  }

  /** Randomness drawn from the chain ending at {@code ts} (tickets) and from its beacon entries. */
  public Randomness randomness(TipSet ts) {
    throw new UnsupportedOperationException("stmgr branch");
  }

  /** The base fee of a block whose parent is {@code ts} (Lotus's {@code ComputeBaseFee}). */
  public TokenAmount computeBaseFee(TipSet ts) throws StateManagerException {
    throw new UnsupportedOperationException("stmgr branch");
  }

  /** The circulating supply the VM sees at {@code epoch} in the state {@code stateRoot}. */
  public TokenAmount circulatingSupply(long epoch, Cid stateRoot) throws StateManagerException {
    throw new UnsupportedOperationException("stmgr branch");
  }

  /**
   * The VM configuration for executing messages on top of {@code ts} (randomness from its chain)
   * with {@code baseFee}.
   */
  public VmConfig vmConfig(TipSet ts, TokenAmount baseFee) {
    throw new UnsupportedOperationException("stmgr branch");
  }

  /** The actor at {@code address} in the state after {@code ts} (Lotus's GetActorAfter). */
  public Optional<Actor> actorAfter(Address address, TipSet ts) throws StateManagerException {
    throw new UnsupportedOperationException("stmgr branch");
  }

  /**
   * The key address (secp256k1 or BLS) behind {@code address} in the state {@code stateRoot}
   * (Lotus's {@code ResolveToKeyAddress}); a key address is returned as it is.
   */
  public Address resolveToKey(Address address, Cid stateRoot) throws StateManagerException {
    throw new UnsupportedOperationException("stmgr branch");
  }
}
