package io.filnode.mpool;

import io.filnode.chain.address.Address;
import io.filnode.chain.state.Actor;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.TipsetExecutor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Chooses the messages of a new block from the pool, as Lotus's greedy selection: each sender's
 * pending messages become chains of consecutive nonces that its balance covers, chains are taken by
 * gas performance while they fit the block gas limit (priority senders first), and the first chain
 * that does not fit is trimmed to fill what is left. (Lotus switches to its optimal,
 * ticket-quality-weighted selection for weak tickets; filnode uses the greedy one for every block,
 * which Lotus also picks for strong tickets.)
 */
public final class MessageSelector {
  /** gasguess.MinGas: below this much gas left, no message can fit. */
  static final long MIN_GAS = 1_298_450;

  /** Lotus's MaxBlockMessages. */
  public static final int MAX_BLOCK_MESSAGES = 16_000;

  private final MessagePool pool;

  public MessageSelector(MessagePool pool) {
    this.pool = pool;
  }

  /** The messages for a block on {@code tipSet}, in the order they go into the block. */
  public List<SignedMessage> selectMessages(TipSet tipSet) throws MpoolException {
    synchronized (pool) {
      BigInteger baseFee = pool.computeBaseFee(tipSet);
      Map<Address, Map<Long, SignedMessage>> pending = pool.pendingByActor();
      List<SignedMessage> result = new ArrayList<>();
      long gasLeft = TipsetExecutor.BLOCK_GAS_LIMIT;
      if (pending.isEmpty()) {
        return result;
      }
      List<MessageChain> priority = new ArrayList<>();
      for (Address a : pool.configUnlocked().priorityAddrs()) {
        Address key = pool.resolveToKey(a);
        Map<Long, SignedMessage> set = pending.remove(key);
        if (set != null) {
          priority.addAll(createMessageChains(pool, key, set, baseFee, tipSet));
        }
      }
      gasLeft = take(priority, result, gasLeft);
      if (gasLeft >= MIN_GAS) {
        List<MessageChain> chains = new ArrayList<>();
        // Senders in a fixed order so that equal chains are taken deterministically.
        List<Address> senders = new ArrayList<>(pending.keySet());
        senders.sort(Comparator.naturalOrder());
        for (Address a : senders) {
          chains.addAll(createMessageChains(pool, a, pending.get(a), baseFee, tipSet));
        }
        take(chains, result, gasLeft);
      }
      return result.size() > MAX_BLOCK_MESSAGES ? result.subList(0, MAX_BLOCK_MESSAGES) : result;
    }
  }

  /** Takes chains best first while they fit, then trims the next to fill the rest. */
  private static long take(List<MessageChain> chains, List<SignedMessage> out, long gasLeft) {
    if (chains.isEmpty()) {
      return gasLeft;
    }
    chains.sort(MessageChain::compareForSelection);
    if (chains.get(0).gasPerf() < 0) {
      return gasLeft;
    }
    int last = chains.size();
    for (int i = 0; i < chains.size(); i++) {
      MessageChain c = chains.get(i);
      if (c.gasPerf() < 0) {
        break;
      }
      if (c.gasLimit() <= gasLeft) {
        gasLeft -= c.gasLimit();
        out.addAll(c.messages());
        continue;
      }
      last = i;
      break;
    }
    tail:
    while (gasLeft >= MIN_GAS && last < chains.size()) {
      chains.get(last).trim(gasLeft);
      if (chains.get(last).valid()) {
        for (int i = last; i < chains.size() - 1; i++) {
          if (MessageChain.compareForSelection(chains.get(i), chains.get(i + 1)) < 0) {
            break;
          }
          MessageChain t = chains.get(i);
          chains.set(i, chains.get(i + 1));
          chains.set(i + 1, t);
        }
      }
      for (int i = last; i < chains.size(); i++) {
        MessageChain c = chains.get(i);
        if (!c.valid()) {
          continue;
        }
        if (c.gasPerf() < 0) {
          break tail;
        }
        if (c.gasLimit() <= gasLeft) {
          gasLeft -= c.gasLimit();
          out.addAll(c.messages());
          continue;
        }
        last = i;
        continue tail;
      }
      break;
    }
    return gasLeft;
  }

  /**
   * One sender's chains (Lotus's createMessageChains): from the state nonce on, consecutive
   * messages that have the minimum gas, fit a block and are covered by the balance; split where
   * adding a message would lower performance, then merged back while a later chain performs at
   * least as well as the one before it.
   */
  static List<MessageChain> createMessageChains(
      MessagePool pool, Address actor, Map<Long, SignedMessage> set, BigInteger baseFee, TipSet ts)
      throws MpoolException {
    List<SignedMessage> msgs = new ArrayList<>(set.values());
    msgs.sort((x, y) -> Long.compareUnsigned(x.message().nonce(), y.message().nonce()));
    Actor a;
    try {
      a = pool.actorAfter(actor, ts);
    } catch (MpoolException e) {
      return List.of();
    }
    long curNonce = a.nonce();
    BigInteger balance = a.balance().atto();
    long gasLimit = 0;
    List<SignedMessage> usable = new ArrayList<>();
    List<BigInteger> rewards = new ArrayList<>();
    for (SignedMessage m : msgs) {
      long nonce = m.message().nonce();
      if (Long.compareUnsigned(nonce, curNonce) < 0) {
        continue; // already included
      }
      if (nonce != curNonce) {
        break;
      }
      curNonce++;
      if (m.message().gasLimit() < pool.onChainMessageGas(ts.height(), m.chainLength())) {
        break;
      }
      gasLimit += m.message().gasLimit();
      if (gasLimit > TipsetExecutor.BLOCK_GAS_LIMIT) {
        break;
      }
      BigInteger required = MsgSet.requiredFunds(m);
      if (balance.compareTo(required) < 0) {
        break;
      }
      balance = balance.subtract(required).subtract(m.message().value().atto());
      usable.add(m);
      rewards.add(MessageChain.gasReward(m, baseFee));
    }
    if (usable.isEmpty()) {
      return List.of();
    }
    List<MessageChain> chains = new ArrayList<>();
    MessageChain current = null;
    for (int i = 0; i < usable.size(); i++) {
      SignedMessage m = usable.get(i);
      if (current == null) {
        current = new MessageChain(m, rewards.get(i));
      } else if (!current.wouldKeepPerf(m, rewards.get(i))) {
        chains.add(current);
        current = new MessageChain(m, rewards.get(i));
      } else {
        current.append(m, rewards.get(i));
      }
    }
    chains.add(current);
    while (true) {
      int merged = 0;
      for (int i = chains.size() - 1; i > 0; i--) {
        if (chains.get(i).gasPerf() >= chains.get(i - 1).gasPerf()) {
          chains.get(i - 1).merge(chains.get(i));
          merged++;
        }
      }
      if (merged == 0) {
        break;
      }
      chains.removeIf(c -> !c.valid());
    }
    for (int i = 0; i < chains.size() - 1; i++) {
      chains.get(i).next = chains.get(i + 1);
    }
    return chains;
  }
}
