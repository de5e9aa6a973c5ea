package io.filnode.mpool;

import io.filnode.chain.types.SignedMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One actor's pending messages by nonce (Lotus's {@code msgSet}): the next nonce the actor can use,
 * and the funds its pending messages require (gas fee cap × gas limit each).
 */
final class MsgSet {
  /** Lotus's RbfDenom: the replace-by-fee ratio is applied in 1/256 steps. */
  private static final int RBF_DENOM = 256;

  final TreeMap<Long, SignedMessage> msgs = new TreeMap<>(Long::compareUnsigned);
  long nextNonce;
  BigInteger requiredFunds = BigInteger.ZERO;

  MsgSet(long nonce) {
    this.nextNonce = nonce;
  }

  /** GasFeeCap × GasLimit: what the sender must hold for the message to be valid. */
  static BigInteger requiredFunds(SignedMessage m) {
    return m.message().gasFeeCap().atto().multiply(BigInteger.valueOf(m.message().gasLimit()));
  }

  /**
   * The smallest premium that replaces a message whose premium is {@code premium}: 1.25× plus one,
   * in 1/256 steps (Lotus's ComputeMinRBF, which uses the default ratio whatever the config says).
   */
  static BigInteger minimumReplacementPremium(BigInteger premium) {
    BigInteger num =
        BigInteger.valueOf((long) ((MpoolConfig.REPLACE_BY_FEE_RATIO_DEFAULT - 1) * RBF_DENOM));
    return premium
        .add(premium.multiply(num).divide(BigInteger.valueOf(RBF_DENOM)))
        .add(BigInteger.ONE);
  }

  /**
   * Adds {@code m} (Lotus's msgSet.add).
   *
   * @param strict apply the nonce-gap and per-actor limits (messages from the network or pushed)
   * @param untrusted a message from an untrusted RPC client: no nonce gap, at most 10 pending
   * @return true when the message is new, false when it replaced one with the same nonce
   */
  boolean add(SignedMessage m, boolean strict, boolean untrusted, int maxPending)
      throws MpoolException {
    long nonce = m.message().nonce();
    long next = nextNonce;
    boolean nonceGap = false;
    long maxNonceGap = untrusted ? 0 : MessagePool.MAX_NONCE_GAP;
    int maxActorPending = untrusted ? MessagePool.MAX_UNTRUSTED_ACTOR_PENDING_MESSAGES : maxPending;

    if (nonce == next) {
      next++;
      while (msgs.containsKey(next)) {
        next++;
      }
    } else if (strict && Long.compareUnsigned(nonce, next + maxNonceGap) > 0) {
      throw new MpoolException(
          MpoolException.Reason.NONCE_GAP,
          "message nonce has too big a gap from expected nonce (Nonce: "
              + Long.toUnsignedString(nonce)
              + ", nextNonce: "
              + Long.toUnsignedString(next)
              + ")");
    } else if (Long.compareUnsigned(nonce, next) > 0) {
      nonceGap = true;
    }

    SignedMessage existing = msgs.get(nonce);
    if (existing != null) {
      if (strict && nonceGap) {
        throw new MpoolException(
            MpoolException.Reason.NONCE_GAP,
            "rejecting replace by fee because of nonce gap (Nonce: "
                + Long.toUnsignedString(nonce)
                + ", nextNonce: "
                + Long.toUnsignedString(next)
                + ")");
      }
      if (existing.cid().equals(m.cid())) {
        throw new MpoolException(
            MpoolException.Reason.SOFT_VALIDATION_FAILURE,
            "message from "
                + m.message().from()
                + " with nonce "
                + Long.toUnsignedString(nonce)
                + " already in mpool");
      }
      BigInteger minPremium = minimumReplacementPremium(existing.message().gasPremium().atto());
      if (m.message().gasPremium().atto().compareTo(minPremium) < 0) {
        throw new MpoolException(
            MpoolException.Reason.REPLACE_BY_FEE_PREMIUM_TOO_LOW,
            "message from "
                + m.message().from()
                + " with nonce "
                + Long.toUnsignedString(nonce)
                + " already in mpool, increase GasPremium to "
                + minPremium
                + " from "
                + m.message().gasPremium().atto()
                + " to trigger replace by fee");
      }
      requiredFunds = requiredFunds.subtract(requiredFunds(existing));
    }

    if (existing == null && strict && msgs.size() >= maxActorPending) {
      throw new MpoolException(
          MpoolException.Reason.TOO_MANY_PENDING_MESSAGES,
          "too many pending messages for actor " + m.message().from());
    }

    nextNonce = next;
    msgs.put(nonce, m);
    requiredFunds = requiredFunds.add(requiredFunds(m));
    return existing == null;
  }

  /**
   * Removes the message with {@code nonce} (Lotus's msgSet.rm): {@code applied} when a tipset
   * included it (the next nonce moves past it), otherwise it was pruned (the next nonce may move
   * back to open the gap).
   */
  void remove(long nonce, boolean applied) {
    SignedMessage m = msgs.get(nonce);
    if (m == null) {
      if (applied && Long.compareUnsigned(nonce, nextNonce) >= 0) {
        nextNonce = nonce + 1;
        while (msgs.containsKey(nextNonce)) {
          nextNonce++;
        }
      }
      return;
    }
    requiredFunds = requiredFunds.subtract(requiredFunds(m));
    msgs.remove(nonce);
    if (applied) {
      if (Long.compareUnsigned(nonce, nextNonce) >= 0) {
        nextNonce = nonce + 1;
      }
      return;
    }
    if (Long.compareUnsigned(nonce, nextNonce) < 0) {
      nextNonce = nonce;
    }
  }

  /** The funds pending messages require, not counting the one with {@code nonce}. */
  BigInteger requiredFundsExcept(long nonce) {
    SignedMessage m = msgs.get(nonce);
    return m == null ? requiredFunds : requiredFunds.subtract(requiredFunds(m));
  }

  /** The pending messages in nonce order. */
  List<SignedMessage> toList() {
    return new ArrayList<>(msgs.values());
  }
}
