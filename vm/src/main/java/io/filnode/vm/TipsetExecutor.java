package io.filnode.vm;

import io.filnode.actors.builtin.Builtin;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lotus v1.10.0's {@code StateManager.ApplyBlocks}: cron for every null round since the parent,
 * then each block's messages (deduplicated by CID across the tipset) followed by its miner's block
 * reward, then cron for the tipset's epoch; the receipts of the explicit messages go into an AMT.
 */
public final class TipsetExecutor {
  /** Lotus's {@code build.BlockGasLimit}. */
  public static final long BLOCK_GAS_LIMIT = 10_000_000_000L;

  private static final long CRON_EPOCH_TICK = 2;
  private static final long REWARD_AWARD_BLOCK_REWARD = 2;

  private TipsetExecutor() {}

  /** What applying a tipset gave: the new state, the receipts root and every message's result. */
  public record Result(
      Cid stateRoot, Cid receiptsRoot, List<UnsignedMessage> messages, List<ApplyRet> results) {}

  /**
   * Applies {@code blocks} at {@code epoch} on {@code parentState}, the state after {@code
   * parentEpoch}.
   *
   * @throws MessageApplyException when a message cannot be applied, or reward or cron fail
   */
  public static Result applyBlocks(
      Blockstore store,
      long parentEpoch,
      Cid parentState,
      List<BlockMessages> blocks,
      long epoch,
      VmConfig config)
      throws MessageApplyException {
    List<UnsignedMessage> messages = new ArrayList<>();
    List<ApplyRet> results = new ArrayList<>();
    Vm vm = new Vm(store, parentState, parentEpoch, config);
    for (long i = parentEpoch; i < epoch; i++) {
      if (i > parentEpoch) {
        runCron(vm, i, messages, results);
        vm.flush();
      }
      // no state migrations: network versions 4 to 9 need none in this VM
      vm.setEpoch(i + 1);
    }
    List<ApplyRet> receipts = new ArrayList<>();
    Set<Cid> processed = new HashSet<>();
    for (BlockMessages b : blocks) {
      TokenAmount penalty = TokenAmount.ZERO;
      TokenAmount gasReward = TokenAmount.ZERO;
      for (ChainMessage cm : b.messages()) {
        Cid c = cm.cid();
        if (processed.contains(c)) {
          continue;
        }
        ApplyRet r = vm.applyMessage(cm.message(), cm.chainLength());
        receipts.add(r);
        gasReward = gasReward.add(r.gasOutputs().minerTip());
        penalty = penalty.add(r.gasOutputs().minerPenalty());
        messages.add(cm.message());
        results.add(r);
        processed.add(c);
      }
      UnsignedMessage reward =
          implicit(
              Builtin.REWARD_ACTOR_ADDR,
              epoch,
              1L << 30,
              REWARD_AWARD_BLOCK_REWARD,
              awardParams(b.miner(), penalty, gasReward, b.winCount()));
      ApplyRet ret = vm.applyImplicitMessage(reward);
      messages.add(reward);
      results.add(ret);
      if (ret.receipt().exitCode() != 0) {
        throw new MessageApplyException(
            "reward application message failed (exit "
                + ret.receipt().exitCode()
                + "): "
                + ret.error());
      }
    }
    runCron(vm, epoch, messages, results);
    Amt amt = Amt.create(new IpldStore(store), AmtOptions.v2());
    try {
      for (int i = 0; i < receipts.size(); i++) {
        amt.set(i, receipts.get(i).receipt());
      }
    } catch (CborException e) {
      throw new MessageApplyException("failed to build receipts amt: " + e.getMessage(), e);
    }
    Cid receiptsRoot = amt.flush();
    Cid root = vm.flush();
    return new Result(root, receiptsRoot, messages, results);
  }

  private static void runCron(
      Vm vm, long epoch, List<UnsignedMessage> messages, List<ApplyRet> results)
      throws MessageApplyException {
    UnsignedMessage cron =
        implicit(
            Builtin.CRON_ACTOR_ADDR, epoch, BLOCK_GAS_LIMIT * 10_000, CRON_EPOCH_TICK, new byte[0]);
    ApplyRet ret = vm.applyImplicitMessage(cron);
    messages.add(cron);
    results.add(ret);
    if (ret.receipt().exitCode() != 0) {
      throw new MessageApplyException(
          "CheckProofSubmissions exit was non-zero: " + ret.receipt().exitCode());
    }
  }

  private static UnsignedMessage implicit(
      Address to, long epoch, long gasLimit, long method, byte[] params) {
    return new UnsignedMessage(
        0,
        to,
        Builtin.SYSTEM_ACTOR_ADDR,
        epoch,
        TokenAmount.ZERO,
        gasLimit,
        TokenAmount.ZERO,
        TokenAmount.ZERO,
        method,
        params);
  }

  /** reward.AwardBlockRewardParams: the tuple [Miner, Penalty, GasReward, WinCount]. */
  private static byte[] awardParams(
      Address miner, TokenAmount penalty, TokenAmount gasReward, long winCount) {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(4);
    miner.encode(w);
    penalty.encode(w);
    gasReward.encode(w);
    w.writeInt64(winCount);
    return w.toByteArray();
  }
}
