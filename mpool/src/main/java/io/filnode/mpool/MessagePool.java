package io.filnode.mpool;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.SignatureVerifier;
import io.filnode.chain.state.Actor;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.TipsetExecutor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The message pool, as Lotus v1.10.0's {@code messagepool}: pending messages by sender (resolved to
 * its key address) and nonce, with the admission checks a message must pass (size, syntax, fee cap,
 * signature, nonce, balance including what the sender's other pending messages need, the base-fee
 * lower bound), replace-by-fee at 1.25× the premium, limits per actor, pruning down to the low
 * water mark when the pool passes its high one (local and priority senders are never pruned), local
 * messages persisted and re-added on start, and head changes that drop included messages and re-add
 * those of reverted tipsets. Selection for a block is {@link MessageSelector}.
 *
 * <p>Thread-safe: one lock guards everything, as Lotus's {@code lk}.
 */
public final class MessagePool {
  /** Largest signed message accepted, in bytes (anti-DoS). */
  public static final int MAX_MESSAGE_SIZE = 64 << 10;

  public static final int MAX_ACTOR_PENDING_MESSAGES = 1000;
  public static final int MAX_UNTRUSTED_ACTOR_PENDING_MESSAGES = 10;
  public static final long MAX_NONCE_GAP = 4;

  /** build.MinimumBaseFee, in attoFIL. */
  public static final BigInteger MINIMUM_BASE_FEE = BigInteger.valueOf(100);

  private static final BigInteger TOTAL_FILECOIN = TokenAmount.TOTAL_FILECOIN.atto();

  /** A message is published at once only if its fee cap is at least base fee / 100. */
  private static final BigInteger BASE_FEE_LOWER_BOUND_FACTOR_CONSERVATIVE =
      BigInteger.valueOf(100);

  /** Pruning keeps chains whose fee cap covers base fee / 10. */
  static final BigInteger BASE_FEE_LOWER_BOUND_FACTOR = BigInteger.TEN;

  /** build.ZeroAddress: refused as a recipient from network version 7. */
  private static final Address ZERO_ADDRESS =
      Address.parse(
          "f3yaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaby2smx7a");

  private final MpoolProvider provider;
  private final LocalMessageStore localStore;
  private final LongSupplier clockMillis;

  private final Map<Address, MsgSet> pending = new HashMap<>();
  private final Set<Address> localAddrs = new HashSet<>();
  private final Map<Address, Address> keyCache = new HashMap<>();
  private final Map<Cid, SignedMessage> blsSignatures = new LinkedHashMap<>(16, 0.75f, true);
  private final List<Consumer<MpoolUpdate>> subscribers = new CopyOnWriteArrayList<>();

  private TipSet head;
  private MpoolConfig config;
  private int currentSize;
  private long lastPruneMillis = Long.MIN_VALUE / 2;

  /**
   * Creates the pool on {@code head} and re-adds the local messages of {@code localStore}.
   *
   * @param clockMillis the wall clock for the prune cooldown (a parameter so tests control it)
   */
  public MessagePool(
      MpoolProvider provider,
      LocalMessageStore localStore,
      MpoolConfig config,
      TipSet head,
      LongSupplier clockMillis) {
    this.provider = provider;
    this.localStore = localStore;
    this.config = config.validate();
    this.head = head;
    this.clockMillis = clockMillis;
    loadLocal();
  }

  // --- configuration and observation ---

  public synchronized MpoolConfig config() {
    return config;
  }

  /**
   * @throws IllegalArgumentException when a setting is out of range
   */
  public synchronized void setConfig(MpoolConfig newConfig) {
    this.config = newConfig.validate();
  }

  public synchronized TipSet head() {
    return head;
  }

  public synchronized int size() {
    return currentSize;
  }

  /** Registers a listener for adds and removes (MpoolSub); it runs under the pool's lock. */
  public void subscribe(Consumer<MpoolUpdate> listener) {
    subscribers.add(listener);
  }

  public void unsubscribe(Consumer<MpoolUpdate> listener) {
    subscribers.remove(listener);
  }

  // --- adding ---

  /**
   * Adds a message from this node's own user (MpoolPush): checked, persisted as local, and
   * published when its fee cap can be included soon.
   */
  public Cid push(SignedMessage m) throws MpoolException {
    return push(m, false);
  }

  /** Adds a message from an untrusted RPC client: at most 10 pending and no nonce gap. */
  public Cid pushUntrusted(SignedMessage m) throws MpoolException {
    return push(m, true);
  }

  private Cid push(SignedMessage m, boolean untrusted) throws MpoolException {
    checkMessage(m);
    boolean publish;
    synchronized (this) {
      publish = addTs(m, head, true, untrusted);
    }
    if (publish) {
      provider.publish(m.toCbor());
    }
    return m.cid();
  }

  /** Adds a message received from the network (gossip validation calls this). */
  public void add(SignedMessage m) throws MpoolException {
    checkMessage(m);
    synchronized (this) {
      addTs(m, head, false, false);
    }
  }

  /** The checks that need no state (Lotus's checkMessage). */
  private void checkMessage(SignedMessage m) throws MpoolException {
    int size = m.toCbor().length;
    if (size > MAX_MESSAGE_SIZE) {
      throw new MpoolException(
          MpoolException.Reason.MESSAGE_TOO_BIG, "mpool message too large (" + size + "B)");
    }
    validForBlockInclusion(m.message(), 0);
    if (m.message().value().atto().compareTo(TOTAL_FILECOIN) >= 0) {
      throw new MpoolException(
          MpoolException.Reason.VALUE_TOO_HIGH, "cannot send more filecoin than will ever exist");
    }
    if (m.message().gasFeeCap().atto().compareTo(MINIMUM_BASE_FEE) < 0) {
      throw new MpoolException(MpoolException.Reason.GAS_FEE_CAP_TOO_LOW, "gas fee cap too low");
    }
    if (!SignatureVerifier.verifyMessage(m)) {
      throw new MpoolException(
          MpoolException.Reason.BAD_SIGNATURE,
          "signature verification failed for message from " + m.message().from());
    }
  }

  /** Lotus's Message.ValidForBlockInclusion at the newest network version. */
  static void validForBlockInclusion(UnsignedMessage m, long minGas) throws MpoolException {
    String problem = null;
    if (m.version() != 0) {
      problem = "'Version' unsupported";
    } else if (m.to().equals(ZERO_ADDRESS)) {
      problem = "invalid 'To' address";
    } else if (m.value().signum() < 0) {
      problem = "'Value' field cannot be negative";
    } else if (m.value().atto().compareTo(TOTAL_FILECOIN) > 0) {
      problem = "'Value' field cannot be greater than total filecoin supply";
    } else if (m.gasFeeCap().signum() < 0) {
      problem = "'GasFeeCap' field cannot be negative";
    } else if (m.gasPremium().signum() < 0) {
      problem = "'GasPremium' field cannot be negative";
    } else if (m.gasPremium().compareTo(m.gasFeeCap()) > 0) {
      problem = "'GasFeeCap' less than 'GasPremium'";
    } else if (m.gasLimit() > TipsetExecutor.BLOCK_GAS_LIMIT) {
      problem = "'GasLimit' field cannot be greater than a block's gas limit";
    } else if (m.gasLimit() < minGas) {
      problem =
          "'GasLimit' field cannot be less than the cost of storing a message on chain "
              + m.gasLimit()
              + " < "
              + minGas;
    }
    if (problem != null) {
      throw new MpoolException(
          MpoolException.Reason.INVALID_MESSAGE,
          "message not valid for block inclusion: " + problem);
    }
  }

  /** Lotus's addTs: the checks against state, then the add. Returns whether to publish. */
  private boolean addTs(SignedMessage m, TipSet ts, boolean local, boolean untrusted)
      throws MpoolException {
    long stateNonce = stateNonce(m.message().from(), ts);
    if (Long.compareUnsigned(stateNonce, m.message().nonce()) > 0) {
      throw new MpoolException(
          MpoolException.Reason.NONCE_TOO_LOW,
          "minimum expected nonce is " + Long.toUnsignedString(stateNonce));
    }
    boolean publish = verifyMsgBeforeAdd(m, ts, local);
    checkBalance(m, ts);
    addLocked(m, !local, untrusted);
    if (local) {
      localAddrs.add(resolveToKey(m.message().from()));
      localStore.put(m.cid(), m.toCbor());
    }
    return publish;
  }

  /**
   * The inclusion checks against the current tipset: enough gas for the on-chain size, and a fee
   * cap above the base-fee lower bound (a local message below it is kept but not published).
   */
  private boolean verifyMsgBeforeAdd(SignedMessage m, TipSet ts, boolean local)
      throws MpoolException {
    long minGas = provider.onChainMessageGas(ts.height(), m.chainLength());
    validForBlockInclusion(m.message(), minGas);
    BigInteger baseFee;
    if (!ts.blocks().isEmpty()) {
      baseFee = ts.blocks().get(0).parentBaseFee().atto();
    } else {
      baseFee = computeBaseFee(ts);
    }
    BigInteger lowerBound = baseFeeLowerBound(baseFee, BASE_FEE_LOWER_BOUND_FACTOR_CONSERVATIVE);
    if (m.message().gasFeeCap().atto().compareTo(lowerBound) < 0) {
      if (local) {
        return false;
      }
      throw new MpoolException(
          MpoolException.Reason.SOFT_VALIDATION_FAILURE,
          "GasFeeCap doesn't meet base fee lower bound for inclusion in the next 20 blocks (GasFeeCap: "
              + m.message().gasFeeCap().atto()
              + ", baseFeeLowerBound: "
              + lowerBound
              + ")");
    }
    return local;
  }

  static BigInteger baseFeeLowerBound(BigInteger baseFee, BigInteger factor) {
    BigInteger bound = baseFee.divide(factor);
    return bound.compareTo(MINIMUM_BASE_FEE) < 0 ? MINIMUM_BASE_FEE : bound;
  }

  private void checkBalance(SignedMessage m, TipSet ts) throws MpoolException {
    BigInteger balance = stateBalance(m.message().from(), ts);
    BigInteger required = MsgSet.requiredFunds(m);
    if (balance.compareTo(required) < 0) {
      throw new MpoolException(
          MpoolException.Reason.NOT_ENOUGH_FUNDS,
          "not enough funds (required: "
              + TokenAmount.ofAtto(required)
              + ", balance: "
              + TokenAmount.ofAtto(balance)
              + ")");
    }
    MsgSet set = pending.get(resolveToKey(m.message().from()));
    if (set != null) {
      required = required.add(set.requiredFundsExcept(m.message().nonce()));
    }
    if (balance.compareTo(required) < 0) {
      throw new MpoolException(
          MpoolException.Reason.SOFT_VALIDATION_FAILURE,
          "not enough funds including pending messages (required: "
              + TokenAmount.ofAtto(required)
              + ", balance: "
              + TokenAmount.ofAtto(balance)
              + ")");
    }
  }

  private void addLocked(SignedMessage m, boolean strict, boolean untrusted) throws MpoolException {
    if (m.signature().type() == SignatureType.BLS) {
      blsSignatures.put(m.message().cid(), m);
      if (blsSignatures.size() > 40_000) {
        blsSignatures.remove(blsSignatures.keySet().iterator().next());
      }
    }
    provider.putMessage(m);
    Address key = resolveToKey(m.message().from());
    MsgSet set = pending.get(key);
    if (set == null) {
      set = new MsgSet(stateNonce(m.message().from(), head));
      pending.put(key, set);
    }
    if (set.add(m, strict, untrusted, MAX_ACTOR_PENDING_MESSAGES)) {
      currentSize++;
      if (currentSize > config.sizeLimitHigh()) {
        pruneIfAllowed();
      }
    }
    publishUpdate(new MpoolUpdate(MpoolUpdate.Type.ADD, m));
  }

  // --- reading ---

  /** The nonce the sender's next message should use: past its pending ones. */
  public synchronized long getNonce(Address address) throws MpoolException {
    long stateNonce = stateNonce(address, head);
    MsgSet set = pending.get(resolveToKey(address));
    if (set != null && Long.compareUnsigned(stateNonce, set.nextNonce) <= 0) {
      return set.nextNonce;
    }
    return stateNonce;
  }

  /** Every pending message, by sender and then nonce. */
  public synchronized List<SignedMessage> pending() {
    List<SignedMessage> out = new ArrayList<>(currentSize);
    for (MsgSet set : pending.values()) {
      out.addAll(set.toList());
    }
    return out;
  }

  /** The pending messages of one sender, in nonce order. */
  public synchronized List<SignedMessage> pendingFor(Address address) throws MpoolException {
    MsgSet set = pending.get(resolveToKey(address));
    return set == null ? List.of() : set.toList();
  }

  /** A snapshot of the pending messages by sender key and nonce, for selection. */
  synchronized Map<Address, Map<Long, SignedMessage>> pendingByActor() {
    Map<Address, Map<Long, SignedMessage>> out = new HashMap<>();
    pending.forEach((a, set) -> out.put(a, new HashMap<>(set.msgs)));
    return out;
  }

  // --- removing ---

  /** Removes the sender's message with {@code nonce}: {@code applied} when a tipset included it. */
  public synchronized void remove(Address from, long nonce, boolean applied) {
    Address key;
    try {
      key = resolveToKey(from);
    } catch (MpoolException e) {
      return;
    }
    MsgSet set = pending.get(key);
    if (set == null) {
      return;
    }
    SignedMessage m = set.msgs.get(nonce);
    if (m != null) {
      currentSize--;
      publishUpdate(new MpoolUpdate(MpoolUpdate.Type.REMOVE, m));
    }
    set.remove(nonce, applied);
    if (set.msgs.isEmpty()) {
      pending.remove(key);
    }
  }

  /**
   * Clears the pool (MpoolClear): with {@code local}, everything including this node's own messages
   * (also from the store); otherwise only senders that are not local.
   */
  public synchronized void clear(boolean local) {
    if (local) {
      for (Address a : localAddrs) {
        MsgSet set = pending.get(a);
        if (set != null) {
          for (SignedMessage m : set.msgs.values()) {
            localStore.delete(m.cid());
          }
        }
      }
      pending.clear();
      currentSize = 0;
      return;
    }
    pending
        .entrySet()
        .removeIf(
            e -> {
              if (localAddrs.contains(e.getKey())) {
                return false;
              }
              currentSize -= e.getValue().msgs.size();
              return true;
            });
  }

  // --- head changes ---

  /**
   * Follows the chain: messages of reverted tipsets come back (unless the applied ones include them
   * again), messages of applied tipsets leave.
   */
  public synchronized void headChange(List<TipSet> revert, List<TipSet> apply)
      throws MpoolException {
    Map<Address, Map<Long, SignedMessage>> readd = new HashMap<>();
    for (TipSet ts : revert) {
      TipSet parent;
      try {
        parent = provider.loadTipSet(ts.parents());
      } catch (MpoolProviderException e) {
        throw new MpoolException(
            MpoolException.Reason.SOFT_VALIDATION_FAILURE,
            "loading the parent of reverted tipset " + ts.key() + ": " + e.getMessage(),
            e);
      }
      head = parent;
      for (SignedMessage m : messagesForBlocks(ts.blocks())) {
        readd.computeIfAbsent(m.message().from(), a -> new HashMap<>()).put(m.message().nonce(), m);
      }
    }
    for (TipSet ts : apply) {
      head = ts;
      for (BlockHeader b : ts.blocks()) {
        MpoolProvider.BlockMessages msgs = blockMessages(b);
        for (SignedMessage m : msgs.secp()) {
          removeApplied(readd, m.message().from(), m.message().nonce());
        }
        for (UnsignedMessage m : msgs.bls()) {
          removeApplied(readd, m.from(), m.nonce());
        }
      }
    }
    for (Map<Long, SignedMessage> bySender : readd.values()) {
      for (SignedMessage m : bySender.values()) {
        try {
          addLocked(m, false, false);
        } catch (MpoolException e) {
          // As Lotus: a reverted message that no longer fits is dropped.
        }
      }
    }
  }

  private void removeApplied(
      Map<Address, Map<Long, SignedMessage>> readd, Address from, long nonce) {
    Map<Long, SignedMessage> s = readd.get(from);
    if (s != null && s.remove(nonce) != null) {
      return;
    }
    remove(from, nonce, true);
  }

  /** The signed messages of blocks; BLS messages get their signature back from the cache. */
  public List<SignedMessage> messagesForBlocks(List<BlockHeader> blocks) throws MpoolException {
    List<SignedMessage> out = new ArrayList<>();
    for (BlockHeader b : blocks) {
      MpoolProvider.BlockMessages msgs = blockMessages(b);
      out.addAll(msgs.secp());
      for (UnsignedMessage m : msgs.bls()) {
        SignedMessage signed = blsSignatures.get(m.cid());
        if (signed != null) {
          out.add(signed);
        }
      }
    }
    return out;
  }

  private MpoolProvider.BlockMessages blockMessages(BlockHeader b) throws MpoolException {
    try {
      return provider.messagesForBlock(b);
    } catch (MpoolProviderException e) {
      throw new MpoolException(
          MpoolException.Reason.SOFT_VALIDATION_FAILURE,
          "failed to get messages for block at height " + b.height() + ": " + e.getMessage(),
          e);
    }
  }

  // --- pruning ---

  /** Prunes now if the pool is above its high water mark, ignoring the cooldown. */
  public synchronized void prune() throws MpoolException {
    if (currentSize >= config.sizeLimitHigh()) {
      pruneMessages();
    }
  }

  private void pruneIfAllowed() throws MpoolException {
    long now = clockMillis.getAsLong();
    if (now - lastPruneMillis < config.pruneCooldown().toMillis()) {
      return;
    }
    lastPruneMillis = now;
    pruneMessages();
  }

  /**
   * Lotus's pruneMessages: keeps every message of local and priority senders, then the best chains
   * by gas performance until the low water mark, and removes the rest.
   */
  private void pruneMessages() throws MpoolException {
    BigInteger baseFee = computeBaseFee(head);
    BigInteger lowerBound = baseFeeLowerBound(baseFee, BASE_FEE_LOWER_BOUND_FACTOR);
    Set<Address> protectedAddrs = new HashSet<>(localAddrs);
    for (Address a : config.priorityAddrs()) {
      try {
        protectedAddrs.add(resolveToKey(a));
      } catch (MpoolException e) {
        // an unknown priority address protects nothing
      }
    }
    Map<Cid, SignedMessage> toPrune = new HashMap<>();
    int keepCount = 0;
    List<MessageChain> chains = new ArrayList<>();
    for (Map.Entry<Address, MsgSet> e : pending.entrySet()) {
      if (protectedAddrs.contains(e.getKey())) {
        keepCount += e.getValue().msgs.size();
        continue;
      }
      for (SignedMessage m : e.getValue().msgs.values()) {
        toPrune.put(m.message().cid(), m);
      }
      chains.addAll(
          MessageSelector.createMessageChains(
              this, e.getKey(), new HashMap<>(e.getValue().msgs), lowerBound, head));
    }
    chains.sort(MessageChain::compareForSelection);
    outer:
    for (MessageChain chain : chains) {
      for (SignedMessage m : chain.messages()) {
        if (keepCount >= config.sizeLimitLow()) {
          break outer;
        }
        toPrune.remove(m.message().cid());
        keepCount++;
      }
    }
    for (SignedMessage m : toPrune.values()) {
      remove(m.message().from(), m.message().nonce(), false);
    }
  }

  // --- state access ---

  private void loadLocal() {
    for (byte[] bytes : localStore.all()) {
      SignedMessage m;
      try {
        m = SignedMessage.fromCbor(bytes);
      } catch (CborException e) {
        continue; // a damaged entry must not stop the node; the message is lost
      }
      try {
        checkMessage(m);
        long stateNonce = stateNonce(m.message().from(), head);
        if (Long.compareUnsigned(stateNonce, m.message().nonce()) > 0) {
          continue; // included since
        }
        verifyMsgBeforeAdd(m, head, true);
        checkBalance(m, head);
        addLocked(m, false, false);
        localAddrs.add(resolveToKey(m.message().from()));
      } catch (MpoolException e) {
        // As Lotus: a local message that no longer passes stays in the store but not in the pool.
      }
    }
  }

  Address resolveToKey(Address address) throws MpoolException {
    Address key = keyCache.get(address);
    if (key != null) {
      return key;
    }
    try {
      key = provider.resolveToKey(address, head);
    } catch (MpoolProviderException e) {
      throw new MpoolException(
          MpoolException.Reason.SOFT_VALIDATION_FAILURE,
          "resolving " + address + " to its key address: " + e.getMessage(),
          e);
    }
    keyCache.put(address, key);
    keyCache.put(key, key);
    return key;
  }

  Actor actorAfter(Address address, TipSet ts) throws MpoolException {
    try {
      return provider
          .getActorAfter(address, ts)
          .orElseThrow(
              () ->
                  new MpoolException(
                      MpoolException.Reason.SOFT_VALIDATION_FAILURE,
                      "actor " + address + " not found"));
    } catch (MpoolProviderException e) {
      throw new MpoolException(
          MpoolException.Reason.SOFT_VALIDATION_FAILURE,
          "failed to look up actor " + address + ": " + e.getMessage(),
          e);
    }
  }

  private long stateNonce(Address address, TipSet ts) throws MpoolException {
    return actorAfter(address, ts).nonce();
  }

  private BigInteger stateBalance(Address address, TipSet ts) throws MpoolException {
    return actorAfter(address, ts).balance().atto();
  }

  BigInteger computeBaseFee(TipSet ts) throws MpoolException {
    try {
      return provider.computeBaseFee(ts).atto();
    } catch (MpoolProviderException e) {
      throw new MpoolException(
          MpoolException.Reason.SOFT_VALIDATION_FAILURE,
          "computing base fee: " + e.getMessage(),
          e);
    }
  }

  long onChainMessageGas(long epoch, int chainLength) {
    return provider.onChainMessageGas(epoch, chainLength);
  }

  MpoolConfig configUnlocked() {
    return config;
  }

  private void publishUpdate(MpoolUpdate update) {
    for (Consumer<MpoolUpdate> s : subscribers) {
      s.accept(update);
    }
  }
}
