package io.filnode.vm.stmgr;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.BlockMessages;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.TipsetExecutor;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * The EIP-1559 base fee as Lotus v1.10.0 computes it ({@code chain/store/basefee.go}): the base fee
 * moves towards the gas limit the parent's blocks used, by at most 1/8 per epoch, never below
 * {@link #MINIMUM_BASE_FEE}.
 */
public final class BaseFee {
  /** {@code build.BlockGasTarget}: half the block gas limit. */
  public static final long BLOCK_GAS_TARGET = TipsetExecutor.BLOCK_GAS_LIMIT / 2;

  /** {@code build.BaseFeeMaxChangeDenom}: at most 12.5% change per epoch. */
  public static final long BASE_FEE_MAX_CHANGE_DENOM = 8;

  /** {@code build.InitialBaseFee}: the genesis block's parent base fee. */
  public static final TokenAmount INITIAL_BASE_FEE = TokenAmount.ofAtto(100_000_000L);

  /** {@code build.MinimumBaseFee}. */
  public static final TokenAmount MINIMUM_BASE_FEE = TokenAmount.ofAtto(100);

  /** {@code build.PackingEfficiencyNum/Denom}, used before the Smoke upgrade. */
  public static final long PACKING_EFFICIENCY_NUM = 4;

  public static final long PACKING_EFFICIENCY_DENOM = 5;

  /** Mainnet's {@code BreezeGasTampingDuration}: epochs after Breeze with a fixed base fee. */
  public static final long BREEZE_GAS_TAMPING_DURATION = 120;

  /** The network version the Smoke upgrade brought (mainnet: after epoch 51000). */
  private static final int SMOKE_VERSION = 2;

  private static final TokenAmount BREEZE_BASE_FEE = TokenAmount.ofAtto(100);

  private BaseFee() {}

  /**
   * Lotus's {@code ComputeNextBaseFee}: the base fee after a tipset of {@code blocks} blocks whose
   * unique messages have gas limits summing to {@code gasLimitUsed}, at {@code epoch}. Before the
   * Smoke upgrade the used gas is scaled by the packing efficiency (5/4).
   */
  public static TokenAmount computeNext(
      TokenAmount baseFee, long gasLimitUsed, int blocks, boolean postSmoke) {
    // int64 arithmetic as in Lotus (same wrap-around and truncating division)
    long delta;
    if (postSmoke) {
      delta = gasLimitUsed / blocks;
    } else {
      delta = PACKING_EFFICIENCY_DENOM * gasLimitUsed / (blocks * PACKING_EFFICIENCY_NUM);
    }
    delta -= BLOCK_GAS_TARGET;
    delta = Math.max(-BLOCK_GAS_TARGET, Math.min(BLOCK_GAS_TARGET, delta));
    // go-state-types big.Div is Euclidean division: it rounds a negative change down
    BigInteger change = baseFee.atto().multiply(BigInteger.valueOf(delta));
    change = euclidDiv(change, BigInteger.valueOf(BLOCK_GAS_TARGET));
    change = euclidDiv(change, BigInteger.valueOf(BASE_FEE_MAX_CHANGE_DENOM));
    TokenAmount next = TokenAmount.ofAtto(baseFee.atto().add(change));
    return next.compareTo(MINIMUM_BASE_FEE) < 0 ? MINIMUM_BASE_FEE : next;
  }

  /**
   * {@link #computeNext(TokenAmount, long, int, boolean)} at {@code epoch} of {@code schedule}:
   * after Smoke when the epoch runs its network version or later (on devnets, whose upgrades are
   * all at genesis, always).
   */
  public static TokenAmount compute(
      TokenAmount baseFee, long gasLimitUsed, int blocks, long epoch, NetworkSchedule schedule) {
    return computeNext(baseFee, gasLimitUsed, blocks, schedule.versionAt(epoch) >= SMOKE_VERSION);
  }

  /**
   * Lotus's {@code ChainStore.ComputeBaseFee}: the base fee of blocks whose parent is {@code ts},
   * from its blocks' parent base fee and the gas limits of its unique messages. In the epochs just
   * after a scheduled Breeze upgrade, a fixed 100 attoFIL.
   */
  public static TokenAmount forTipSet(ChainStore chain, TipSet ts, NetworkSchedule schedule)
      throws ChainStoreException {
    for (NetworkSchedule.Upgrade u : schedule.upgrades()) {
      if (u.name().equals("breeze")
          && u.height() >= 0
          && ts.height() > u.height()
          && ts.height() < u.height() + BREEZE_GAS_TAMPING_DURATION) {
        return BREEZE_BASE_FEE;
      }
    }
    long totalLimit = 0;
    Set<Cid> seen = new HashSet<>();
    for (BlockHeader b : ts.blocks()) {
      BlockMessages msgs = chain.blockMessages(b);
      for (UnsignedMessage m : msgs.blsMessages()) {
        if (seen.add(m.cid())) {
          totalLimit += m.gasLimit();
        }
      }
      for (SignedMessage m : msgs.secpkMessages()) {
        if (seen.add(m.cid())) {
          totalLimit += m.message().gasLimit();
        }
      }
    }
    return compute(
        ts.blocks().get(0).parentBaseFee(), totalLimit, ts.blocks().size(), ts.height(), schedule);
  }

  private static BigInteger euclidDiv(BigInteger a, BigInteger positiveDivisor) {
    BigInteger[] qr = a.divideAndRemainder(positiveDivisor);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }
}
