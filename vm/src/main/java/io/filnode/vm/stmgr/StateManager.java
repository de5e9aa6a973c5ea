package io.filnode.vm.stmgr;

import io.filnode.actors.v2.account.AccountState;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.BlockMessages;
import io.filnode.vm.ChainMessage;
import io.filnode.vm.MessageApplyException;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.Randomness;
import io.filnode.vm.TipsetExecutor;
import io.filnode.vm.VmConfig;
import io.filnode.vm.VmFatalException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Lotus's {@code stmgr.StateManager}: the state after each tipset, computed by the VM from its
 * parent state and messages and cached, and what executing on top of a tipset needs (randomness
 * drawn from its chain, the next base fee, the circulating supply).
 *
 * <p>Each tipset's state is computed once even when several threads ask at the same time (the later
 * callers wait for the first), kept in a bounded LRU cache, and written to the chain metadata so
 * that after a restart it is read back instead of executed again. Thread-safe.
 */
public final class StateManager {
  /** Tipset states kept in memory; older ones are read back from the chain metadata. */
  static final int STATE_CACHE_SIZE = 4096;

  /** {@code policy.ChainFinality}. */
  static final long CHAIN_FINALITY = 900;

  /** Computes a tipset's state; tests replace it to count or block executions. */
  @FunctionalInterface
  interface TipSetComputer {
    TipSetState compute(TipSet ts) throws StateManagerException;
  }

  /** A lookback tipset and the state root the VM reads at it (Lotus's lookback getter). */
  public record Lookback(TipSet tipSet, Cid stateRoot) {}

  private final ChainStore chain;
  private final NetworkSchedule schedule;
  private final BeaconSource beacon;
  private final ProofVerifier proofs;
  private final ActorRegistry registry;
  private final CirculatingSupply supply;
  private final TipSetStateIndex index;
  private final TipSetComputer computer;

  private final Object lock = new Object();

  // guarded by lock
  private final Map<TipSetKey, TipSetState> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<TipSetKey, TipSetState> eldest) {
          return size() > STATE_CACHE_SIZE;
        }
      };

  // guarded by lock
  private final Map<TipSetKey, CompletableFuture<TipSetState>> computing = new HashMap<>();

  public StateManager(
      ChainStore chain,
      NetworkSchedule schedule,
      BeaconSource beacon,
      ProofVerifier proofs,
      ActorRegistry registry) {
    this(chain, schedule, beacon, proofs, registry, null);
  }

  StateManager(
      ChainStore chain,
      NetworkSchedule schedule,
      BeaconSource beacon,
      ProofVerifier proofs,
      ActorRegistry registry,
      TipSetComputer computer) {
    this.chain = chain;
    this.schedule = schedule;
    this.beacon = beacon;
    this.proofs = proofs;
    this.registry = registry;
    this.supply = new CirculatingSupply(chain.blockstore(), schedule, this::genesisStateRoot);
    this.index = new TipSetStateIndex(chain.metadata(), chain.blockstore());
    this.computer = computer != null ? computer : this::compute;
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
    if (ts.height() == 0) {
      // Lotus short-circuits the genesis: executing it would pay a reward to no miner
      BlockHeader g = ts.blocks().get(0);
      return new TipSetState(g.parentStateRoot(), g.parentMessageReceipts());
    }
    TipSetKey key = ts.key();
    CompletableFuture<TipSetState> mine;
    CompletableFuture<TipSetState> theirs;
    synchronized (lock) {
      TipSetState cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
      theirs = computing.get(key);
      mine = theirs == null ? new CompletableFuture<>() : null;
      if (mine != null) {
        computing.put(key, mine);
      }
    }
    if (theirs != null) {
      return await(ts, theirs);
    }
    try {
      TipSetState st = index.get(key);
      if (st == null) {
        st = computer.compute(ts);
        index.put(key, st);
      }
      synchronized (lock) {
        cache.put(key, st);
        computing.remove(key);
      }
      mine.complete(st);
      return st;
    } catch (StateManagerException | RuntimeException | Error e) {
      // waiters must never hang, whatever went wrong
      synchronized (lock) {
        computing.remove(key);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static TipSetState await(TipSet ts, CompletableFuture<TipSetState> f)
      throws StateManagerException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateManagerException("interrupted waiting for the state of " + ts, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new StateManagerException(
          "computing the state of " + ts + ": " + cause.getMessage(), cause);
    }
  }

  private TipSetState compute(TipSet ts) throws StateManagerException {
    TipsetExecutor.Result r = executeTipSet(ts, false);
    return new TipSetState(r.stateRoot(), r.receiptsRoot());
  }

  /**
   * Executes {@code ts} on its parent state (Lotus's {@code computeTipSetState}), without the
   * cache: cron for null rounds, each block's messages (deduplicated as Lotus's {@code
   * BlockMsgsForTipset}) and reward, then cron. With {@code trace}, the results carry call traces.
   */
  public TipsetExecutor.Result executeTipSet(TipSet ts, boolean trace)
      throws StateManagerException {
    List<BlockHeader> blocks = ts.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      for (int j = i + 1; j < blocks.size(); j++) {
        if (blocks.get(i).miner().equals(blocks.get(j).miner())) {
          throw new StateManagerException(
              "duplicate miner in a tipset (" + blocks.get(i).miner() + ")");
        }
      }
    }
    try {
      long parentEpoch = 0;
      if (ts.height() > 0) {
        parentEpoch = chain.getBlock(blocks.get(0).parents().get(0)).height();
      }
      TokenAmount baseFee = blocks.get(0).parentBaseFee();
      VmConfig config = vmConfig(ts, baseFee).withTrace(trace);
      return TipsetExecutor.applyBlocks(
          chain.blockstore(),
          parentEpoch,
          ts.parentStateRoot(),
          blockMessages(ts),
          ts.height(),
          config);
    } catch (ChainStoreException | MessageApplyException | VmFatalException e) {
      throw new StateManagerException("executing " + ts + ": " + e.getMessage(), e);
    }
  }

  /**
   * Each block's messages as Lotus's {@code BlockMsgsForTipset} selects them: BLS then secp256k1,
   * skipping a message whose nonce is not its sender's next in the tipset (senders as the messages
   * name them: Lotus resolves them to IDs only from Hyperdrive on, which this VM does not run).
   */
  private List<BlockMessages> blockMessages(TipSet ts)
      throws ChainStoreException, StateManagerException {
    Map<Address, Long> next = new HashMap<>();
    List<BlockMessages> out = new ArrayList<>();
    for (BlockHeader b : ts.blocks()) {
      if (b.electionProof() == null) {
        throw new StateManagerException("block of " + b.miner() + " has no election proof");
      }
      var msgs = chain.blockMessages(b);
      List<ChainMessage> selected = new ArrayList<>();
      for (UnsignedMessage m : msgs.blsMessages()) {
        if (takeNonce(next, m)) {
          selected.add(ChainMessage.unsigned(m));
        }
      }
      for (SignedMessage m : msgs.secpkMessages()) {
        if (takeNonce(next, m.message())) {
          selected.add(ChainMessage.signed(m));
        }
      }
      out.add(new BlockMessages(b.miner(), b.electionProof().winCount(), selected));
    }
    return out;
  }

  private static boolean takeNonce(Map<Address, Long> next, UnsignedMessage m) {
    // the first message of a sender has the right nonce, or the block would be invalid
    long expected = next.computeIfAbsent(m.from(), a -> m.nonce());
    if (expected != m.nonce()) {
      return false;
    }
    next.put(m.from(), expected + 1);
    return true;
  }

  /** Randomness drawn from the chain ending at {@code ts} (tickets) and from its beacon entries. */
  public Randomness randomness(TipSet ts) {
    return new ChainRandomness(chain, ts);
  }

  /** The base fee of a block whose parent is {@code ts} (Lotus's {@code ComputeBaseFee}). */
  public TokenAmount computeBaseFee(TipSet ts) throws StateManagerException {
    try {
      return BaseFee.forTipSet(chain, ts, schedule);
    } catch (ChainStoreException e) {
      throw new StateManagerException(
          "computing the base fee after " + ts + ": " + e.getMessage(), e);
    }
  }

  /** The circulating supply the VM sees at {@code epoch} in the state {@code stateRoot}. */
  public TokenAmount circulatingSupply(long epoch, Cid stateRoot) throws StateManagerException {
    return supply.detailed(epoch, stateRoot).circulating();
  }

  /** The parts of the circulating supply at {@code epoch} in {@code stateRoot}. */
  public CirculatingSupply.Detail circulatingSupplyDetailed(long epoch, Cid stateRoot)
      throws StateManagerException {
    return supply.detailed(epoch, stateRoot);
  }

  private Cid genesisStateRoot() throws StateManagerException {
    try {
      return chain.genesis().parentStateRoot();
    } catch (ChainStoreException e) {
      throw new StateManagerException("loading the genesis: " + e.getMessage(), e);
    }
  }

  /**
   * The VM configuration for executing messages on top of {@code ts} (randomness from its chain)
   * with {@code baseFee}.
   */
  public VmConfig vmConfig(TipSet ts, TokenAmount baseFee) {
    return new VmConfig(
        schedule,
        baseFee,
        supply::at,
        randomness(ts),
        proofs,
        registry,
        round -> {
          try {
            return lookback(ts, round).stateRoot();
          } catch (StateManagerException e) {
            throw new VmFatalException("lookback state at " + round + ": " + e.getMessage(), e);
          }
        },
        false);
  }

  /**
   * The tipset whose state the VM reads for {@code round} on the chain of {@code ts}, and that
   * state (Lotus's {@code GetLookbackTipSetForRound}): the winning-PoSt lookback (finality, or 10
   * epochs up to network version 3) before the round, read from the next non-null tipset's parent
   * state.
   */
  public Lookback lookback(TipSet ts, long round) throws StateManagerException {
    long lb = schedule.versionAt(round) <= 3 ? 10 : CHAIN_FINALITY;
    long lbr = round > lb ? round - lb : 0;
    if (lbr >= ts.height()) {
      return new Lookback(ts, tipSetState(ts).stateRoot());
    }
    try {
      TipSet next = chain.tipSetByHeight(lbr + 1, ts, false);
      if (lbr > next.height()) {
        throw new StateManagerException(
            "failed to find non-null tipset at " + lbr + " on " + ts + ", found " + next);
      }
      return new Lookback(chain.loadTipSet(next.parents()), next.parentStateRoot());
    } catch (ChainStoreException e) {
      throw new StateManagerException("failed to get lookback tipset: " + e.getMessage(), e);
    }
  }

  /** The actor at {@code address} in the state after {@code ts} (Lotus's GetActorAfter). */
  public Optional<Actor> actorAfter(Address address, TipSet ts) throws StateManagerException {
    Cid root = tipSetState(ts).stateRoot();
    try {
      return Optional.ofNullable(loadTree(root).getActor(address));
    } catch (CborException e) {
      throw new StateManagerException(
          "reading actor " + address + " in state " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * The key address (secp256k1 or BLS) behind {@code address} in the state {@code stateRoot}
   * (Lotus's {@code ResolveToKeyAddress}); a key address is returned as it is.
   */
  public Address resolveToKey(Address address, Cid stateRoot) throws StateManagerException {
    Protocol p = address.protocol();
    if (p == Protocol.BLS || p == Protocol.SECP256K1) {
      return address;
    }
    if (p == Protocol.ACTOR) {
      throw new StateManagerException("cannot resolve actor address to key address");
    }
    try {
      Actor a = loadTree(stateRoot).getActor(address);
      if (a == null) {
        throw new StateManagerException("failed to find actor: " + address);
      }
      boolean account =
          BuiltinActors.lookup(a.code()).map(c -> c.kind() == ActorKind.ACCOUNT).orElse(false);
      if (!account) {
        throw new StateManagerException(
            "failed to get account actor state for " + address + ": not an account actor");
      }
      return new IpldStore(chain.blockstore())
          .get(a.head(), "account state", AccountState::decode)
          .address();
    } catch (CborException e) {
      throw new StateManagerException(
          "resolving " + address + " in state " + stateRoot + ": " + e.getMessage(), e);
    }
  }

  private StateTree loadTree(Cid root) throws CborException {
    return StateTree.load(new IpldStore(chain.blockstore()), root);
  }

  /** Tipsets whose states are in memory (for tests and metrics). */
  int cachedStates() {
    synchronized (lock) {
      return cache.size();
    }
  }
}
