package io.filnode.node.api;

import io.filnode.actors.builtin.Builtin;
import io.filnode.chain.address.Address;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.store.ChainStore.TipSetMessage;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MpoolException;
import io.filnode.rpc.RpcException;
import io.filnode.vm.TipsetExecutor;
import io.filnode.vm.stmgr.InvocResult;
import io.filnode.vm.stmgr.StateCaller;
import io.filnode.vm.stmgr.StateManagerException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * Lotus v1.10.0's gas estimation ({@code node/impl/full/gas.go}): the gas limit from executing the
 * message after the sender's pending messages, the premium from recent blocks, the fee cap from the
 * head's base fee, and the fee cap of {@link #estimateMessageGas} limited by a maximum fee.
 *
 * <p>Estimates are advice, not consensus: as Lotus, the fee cap uses floating point and the premium
 * carries random noise (from the given generator, so tests can fix it).
 */
public final class GasEstimator implements MessageGasEstimator {
  /** Lotus's {@code MinGasPremium}. */
  static final long MIN_GAS_PREMIUM = 100_000;

  /** Lotus's {@code build.BlockGasTarget}. */
  static final long BLOCK_GAS_TARGET = TipsetExecutor.BLOCK_GAS_LIMIT / 2;

  /** Lotus's {@code build.MinimumBaseFee}. */
  private static final long MINIMUM_BASE_FEE = 100;

  /** Lotus's {@code build.BaseFeeMaxChangeDenom}. */
  private static final double BASE_FEE_MAX_CHANGE_DENOM = 8;

  /** The gas a payment channel's Collect refunds by deleting the actor, added back (Lotus). */
  private static final long PAYCH_COLLECT_REFUND = 76_000;

  /** Lotus's default {@code DefaultMaxFee}: 0.07 FIL. */
  public static final TokenAmount DEFAULT_MAX_FEE =
      TokenAmount.ofAtto(BigInteger.valueOf(7).multiply(BigInteger.TEN.pow(16)));

  /** The pending messages of a sender's key address, in nonce order ({@code pendingFor}). */
  @FunctionalInterface
  public interface PendingMessages {
    List<SignedMessage> pendingFor(Address key) throws MpoolException;
  }

  /** Lotus's {@code CallWithGas}. */
  @FunctionalInterface
  interface GasCall {
    InvocResult callWithGas(UnsignedMessage msg, List<SignedMessage> prior, TipSet ts)
        throws StateManagerException;
  }

  /** Lotus's {@code ResolveToKeyAddress} at a tipset. */
  @FunctionalInterface
  interface KeyResolver {
    Address resolve(Address a, TipSet ts) throws StateManagerException;
  }

  private final ChainView view;
  private final GasCall calls;
  private final KeyResolver keys;
  private final PendingMessages pending;
  private final DoubleSupplier gasLimitOverestimation;
  private final TokenAmount defaultMaxFee;
  private final RandomGenerator random;

  /**
   * @param gasLimitOverestimation the pool's current {@code GasLimitOverestimation} (1.25 by
   *     default; read at each estimate, as the pool's config may change)
   * @param defaultMaxFee the fee limit when the caller gives none ({@link #DEFAULT_MAX_FEE})
   * @param random the source of the premium's noise
   */
  public GasEstimator(
      ChainView view,
      StateCaller caller,
      PendingMessages pending,
      DoubleSupplier gasLimitOverestimation,
      TokenAmount defaultMaxFee,
      RandomGenerator random) {
    this(
        view,
        caller::callWithGas,
        caller::resolveToKey,
        pending,
        gasLimitOverestimation,
        defaultMaxFee,
        random);
  }

  GasEstimator(
      ChainView view,
      GasCall calls,
      KeyResolver keys,
      PendingMessages pending,
      DoubleSupplier gasLimitOverestimation,
      TokenAmount defaultMaxFee,
      RandomGenerator random) {
    this.view = view;
    this.calls = calls;
    this.keys = keys;
    this.pending = pending;
    this.gasLimitOverestimation = gasLimitOverestimation;
    this.defaultMaxFee = defaultMaxFee;
    this.random = random;
  }

  /**
   * Lotus's {@code GasEstimateFeeCap}: the head's parent base fee raised by the most it can grow in
   * {@code maxQueueBlocks} blocks (12.5% each), plus the message's premium.
   */
  public TokenAmount feeCap(UnsignedMessage msg, long maxQueueBlocks) throws RpcException {
    TipSet head = view.head();
    TokenAmount parentBaseFee = head.blocks().get(0).parentBaseFee();
    double increaseFactor = Math.pow(1.0 + 1.0 / BASE_FEE_MAX_CHANGE_DENOM, maxQueueBlocks);
    BigInteger factor = BigInteger.valueOf((long) (increaseFactor * (1 << 8)));
    BigInteger out = parentBaseFee.atto().multiply(factor).shiftRight(8);
    return TokenAmount.ofAtto(out.add(msg.gasPremium().atto()));
  }

  /**
   * Lotus's {@code GasEstimateGasPremium}: about the 55th percentile premium of the messages of the
   * last {@code 2 × nblocksincl} tipsets (weighted by gas limit), at least a floor that depends on
   * {@code nblocksincl}, times noise of mean 1 and standard deviation 0.005.
   */
  public TokenAmount gasPremium(long nblocksincl) throws RpcException {
    long n = nblocksincl == 0 ? 1 : nblocksincl;
    List<GasMeta> prices = new ArrayList<>();
    int blocks = 0;
    TipSet ts = view.head();
    for (long i = 0; i < 2 * n; i++) {
      if (ts.height() == 0) {
        break;
      }
      TipSet parent = view.tipSet(ts.parents());
      blocks += parent.blocks().size();
      try {
        for (TipSetMessage m : view.chain().messagesForTipSet(parent)) {
          prices.add(new GasMeta(m.message().gasPremium().atto(), m.message().gasLimit()));
        }
      } catch (ChainStoreException e) {
        throw new RpcException("loading messages: " + e.getMessage());
      }
      ts = parent;
    }
    BigInteger premium = medianGasPremium(prices, blocks);
    if (premium.compareTo(BigInteger.valueOf(MIN_GAS_PREMIUM)) < 0) {
      long floor =
          n == 1 ? 2 * MIN_GAS_PREMIUM : n == 2 ? MIN_GAS_PREMIUM * 3 / 2 : MIN_GAS_PREMIUM;
      premium = BigInteger.valueOf(floor);
    }
    double noise = 1 + random.nextGaussian() * 0.005;
    BigInteger scaled = BigInteger.valueOf((long) (noise * (1L << 32)) + 1);
    return TokenAmount.ofAtto(premium.multiply(scaled).shiftRight(32));
  }

  /** A message's premium and gas limit, for {@link #medianGasPremium}. */
  record GasMeta(BigInteger price, long limit) {}

  /**
   * Lotus's {@code medianGasPremium}: walks the premiums from the highest down until half the
   * blocks' gas target and 5% more are used; the mean of the last two premiums seen.
   */
  static BigInteger medianGasPremium(List<GasMeta> prices, int blocks) {
    List<GasMeta> sorted = new ArrayList<>(prices);
    sorted.sort(Comparator.comparing(GasMeta::price).reversed());
    long at = BLOCK_GAS_TARGET * blocks / 2;
    at += BLOCK_GAS_TARGET * blocks / (2 * 20);
    BigInteger prev1 = BigInteger.ZERO;
    BigInteger prev2 = BigInteger.ZERO;
    for (GasMeta p : sorted) {
      prev2 = prev1;
      prev1 = p.price();
      at -= p.limit();
      if (at < 0) {
        break;
      }
    }
    if (prev2.signum() != 0) {
      return prev1.add(prev2).divide(BigInteger.TWO);
    }
    return prev1;
  }

  /**
   * Lotus's {@code GasEstimateGasLimit}: the gas used by {@code msgIn} executed on {@code ts} with
   * a block's gas limit, fee cap 101 and premium 1, after the sender's pending messages of lower
   * nonce; an error when it fails.
   */
  public long gasLimit(UnsignedMessage msgIn, TipSet ts) throws RpcException {
    UnsignedMessage msg =
        new UnsignedMessage(
            msgIn.version(),
            msgIn.to(),
            msgIn.from(),
            msgIn.nonce(),
            msgIn.value(),
            TipsetExecutor.BLOCK_GAS_LIMIT,
            TokenAmount.ofAtto(MINIMUM_BASE_FEE + 1),
            TokenAmount.ofAtto(1),
            msgIn.method(),
            msgIn.params());
    InvocResult res;
    try {
      Address from = keys.resolve(msgIn.from(), ts);
      List<SignedMessage> prior = new ArrayList<>();
      for (SignedMessage m : pending.pendingFor(from)) {
        if (m.message().nonce() == msg.nonce()) {
          break;
        }
        prior.add(m);
      }
      res = calls.callWithGas(msg, prior, ts);
    } catch (StateManagerException | MpoolException e) {
      throw new RpcException("CallWithGas failed: " + e.getMessage());
    }
    long exit = res.ret().receipt().exitCode();
    if (exit != 0) {
      throw new RpcException(
          "message execution failed: exit " + exit + ", reason: " + res.ret().error());
    }
    long used = res.ret().receipt().gasUsed();
    if (msgIn.method() == Builtin.MethodsPaych.COLLECT && isPaymentChannel(msg.to(), ts)) {
      return used + PAYCH_COLLECT_REFUND; // Collect deletes the actor; its refund is not kept
    }
    return used;
  }

  /** Whether {@code to} is a payment channel in the parent state of {@code ts}; false on errors. */
  private boolean isPaymentChannel(Address to, TipSet ts) {
    try {
      Actor a = ChainView.actorOrNull(view.parentState(ts), to);
      return a != null
          && BuiltinActors.lookup(a.code())
              .filter(c -> c.kind() == ActorKind.PAYMENT_CHANNEL)
              .isPresent();
    } catch (RpcException e) {
      return false;
    }
  }

  /**
   * Lotus's {@code GasEstimateMessageGas}: fills a zero gas limit (estimated × the over-estimation
   * factor), premium (for inclusion within 10 blocks) and fee cap (for 20 blocks), then caps the
   * fee at {@code maxFee} (null or zero: the default maximum).
   */
  @Override
  public UnsignedMessage estimateMessageGas(UnsignedMessage msg, TokenAmount maxFee, TipSet ts)
      throws RpcException {
    long gasLimit = msg.gasLimit();
    if (gasLimit == 0) {
      long estimate;
      try {
        estimate = gasLimit(msg, ts == null ? view.head() : ts);
      } catch (RpcException e) {
        throw new RpcException("estimating gas used: " + e.getMessage());
      }
      gasLimit = (long) (estimate * gasLimitOverestimation.getAsDouble());
    }
    TokenAmount premium = msg.gasPremium();
    if (premium.isZero()) {
      try {
        premium = gasPremium(10);
      } catch (RpcException e) {
        throw new RpcException("estimating gas price: " + e.getMessage());
      }
    }
    UnsignedMessage withPremium = withGas(msg, gasLimit, msg.gasFeeCap(), premium);
    TokenAmount feeCap = msg.gasFeeCap();
    if (feeCap.isZero()) {
      try {
        feeCap = feeCap(withPremium, 20);
      } catch (RpcException e) {
        throw new RpcException("estimating fee cap: " + e.getMessage());
      }
    }
    return capGasFee(withGas(msg, gasLimit, feeCap, premium), maxFee);
  }

  /**
   * Lotus's {@code CapGasFee}: when fee cap × gas limit exceeds {@code maxFee} (null or zero: the
   * default), the fee cap becomes maxFee / gas limit and the premium at most that.
   */
  UnsignedMessage capGasFee(UnsignedMessage msg, TokenAmount maxFee) {
    TokenAmount max = maxFee == null || maxFee.isZero() ? defaultMaxFee : maxFee;
    BigInteger gl = BigInteger.valueOf(msg.gasLimit());
    if (msg.gasFeeCap().atto().multiply(gl).compareTo(max.atto()) <= 0) {
      return msg;
    }
    TokenAmount feeCap = TokenAmount.ofAtto(max.atto().divide(gl));
    TokenAmount premium = msg.gasPremium().compareTo(feeCap) < 0 ? msg.gasPremium() : feeCap;
    return withGas(msg, msg.gasLimit(), feeCap, premium);
  }

  private static UnsignedMessage withGas(
      UnsignedMessage m, long gasLimit, TokenAmount feeCap, TokenAmount premium) {
    return new UnsignedMessage(
        m.version(),
        m.to(),
        m.from(),
        m.nonce(),
        m.value(),
        gasLimit,
        feeCap,
        premium,
        m.method(),
        m.params());
  }
}
