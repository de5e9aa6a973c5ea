package io.filnode.actors.v2.multisig;

import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.math.GoBig;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The multisig actor's state: its signers (ID addresses), the approval threshold (a uint64), the
 * next transaction ID, a linear vesting lock, and the pending transactions (a HAMT keyed by the
 * transaction ID as a signed varint). Mutable: it is changed inside a state transaction.
 */
public final class MultisigState implements CborEncodable {
  private List<Address> signers;
  private long numApprovalsThreshold;
  private long nextTxnId;
  private TokenAmount initialBalance;
  private long startEpoch;
  private long unlockDuration;
  private Cid pendingTxns;

  public MultisigState(
      List<Address> signers,
      long numApprovalsThreshold,
      long nextTxnId,
      TokenAmount initialBalance,
      long startEpoch,
      long unlockDuration,
      Cid pendingTxns) {
    this.signers = List.copyOf(signers);
    this.numApprovalsThreshold = numApprovalsThreshold;
    this.nextTxnId = nextTxnId;
    this.initialBalance = initialBalance;
    this.startEpoch = startEpoch;
    this.unlockDuration = unlockDuration;
    this.pendingTxns = pendingTxns;
  }

  /** The pending transactions' HAMT over {@code store}, with v2's parameters. */
  static AdtMap loadPending(IpldStore store, Cid root) {
    return AdtMap.load(store, root, BuiltinActors.hamtOptions(2));
  }

  public List<Address> signers() {
    return signers;
  }

  public long numApprovalsThreshold() {
    return numApprovalsThreshold;
  }

  public long nextTxnId() {
    return nextTxnId;
  }

  public TokenAmount initialBalance() {
    return initialBalance;
  }

  public long startEpoch() {
    return startEpoch;
  }

  public long unlockDuration() {
    return unlockDuration;
  }

  public Cid pendingTxns() {
    return pendingTxns;
  }

  void setSigners(List<Address> signers) {
    this.signers = List.copyOf(signers);
  }

  void setNumApprovalsThreshold(long threshold) {
    this.numApprovalsThreshold = threshold;
  }

  void setNextTxnId(long nextTxnId) {
    this.nextTxnId = nextTxnId;
  }

  void setPendingTxns(Cid pendingTxns) {
    this.pendingTxns = pendingTxns;
  }

  /** Starts a linear vesting of {@code lockedAmount} over {@code unlockDuration} epochs. */
  public void setLocked(long startEpoch, long unlockDuration, TokenAmount lockedAmount) {
    this.startEpoch = startEpoch;
    this.unlockDuration = unlockDuration;
    this.initialBalance = lockedAmount;
  }

  public boolean isSigner(Address address) {
    return signers.contains(address);
  }

  /**
   * The amount still locked {@code elapsedEpoch} epochs after the vesting start: everything before
   * it, nothing from {@code unlockDuration} on, and in between {@code ceil(InitialBalance ·
   * remaining / UnlockDuration)}, rounded as Go's Euclidean big.Int division does.
   */
  public TokenAmount amountLocked(long elapsedEpoch) {
    if (elapsedEpoch >= unlockDuration) {
      return TokenAmount.ZERO;
    }
    if (elapsedEpoch <= 0) {
      return initialBalance;
    }
    BigInteger duration = BigInteger.valueOf(unlockDuration);
    BigInteger remaining = duration.subtract(BigInteger.valueOf(elapsedEpoch));
    BigInteger numerator = initialBalance.atto().multiply(remaining);
    BigInteger quot = GoBig.div(numerator, duration);
    BigInteger rem = GoBig.mod(numerator, duration);
    return new TokenAmount(rem.signum() == 0 ? quot : quot.add(BigInteger.ONE));
  }

  /**
   * Null when spending {@code amountToSpend} out of {@code currBalance} at {@code currEpoch} keeps
   * the locked amount, else why not.
   */
  String checkAvailable(TokenAmount currBalance, TokenAmount amountToSpend, long currEpoch) {
    if (amountToSpend.signum() < 0) {
      return "amount to spend " + amountToSpend.toAttoString() + " less than zero";
    }
    if (currBalance.compareTo(amountToSpend) < 0) {
      return "current balance "
          + currBalance.toAttoString()
          + " less than amount to spend "
          + amountToSpend.toAttoString();
    }
    if (amountToSpend.isZero()) {
      // A transaction that sends nothing is always allowed, even when the lock exceeds the balance.
      return null;
    }
    TokenAmount remaining = currBalance.subtract(amountToSpend);
    TokenAmount locked = amountLocked(currEpoch - startEpoch);
    if (remaining.compareTo(locked) < 0) {
      return "balance "
          + remaining.toAttoString()
          + " if spent "
          + amountToSpend.toAttoString()
          + " would be less than locked amount "
          + locked.toAttoString();
    }
    return null;
  }

  /**
   * Removes {@code address} from every pending transaction's approvals, deleting transactions left
   * with none, and flushes the HAMT. Collects first, then changes, in HAMT order, as Go does.
   */
  void purgeApprovals(IpldStore store, Address address) {
    AdtMap txns = loadPending(store, pendingTxns);
    List<byte[]> keys = new ArrayList<>();
    List<Transaction> values = new ArrayList<>();
    txns.forEach(
        (key, value) -> {
          Transaction txn = CborReader.decodeWhole(value, "Transaction", Transaction::decode);
          if (txn.approved().contains(address)) {
            keys.add(key);
            values.add(txn);
          }
        });
    for (int i = 0; i < keys.size(); i++) {
      Transaction txn = values.get(i);
      List<Address> remaining = new ArrayList<>();
      for (Address approver : txn.approved()) {
        if (!approver.equals(address)) {
          remaining.add(approver);
        }
      }
      if (remaining.isEmpty()) {
        txns.delete(keys.get(i));
      } else {
        txns.put(keys.get(i), txn.withApprovals(remaining));
      }
    }
    pendingTxns = txns.flush();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(7);
    MultisigCodec.writeAddresses(w, signers);
    w.writeUint64(numApprovalsThreshold);
    w.writeInt64(nextTxnId);
    initialBalance.encode(w);
    w.writeInt64(startEpoch);
    w.writeInt64(unlockDuration);
    w.writeCid(pendingTxns);
  }

  public static MultisigState decode(CborReader r) throws CborException {
    r.readTupleHeader(7, "multisig State");
    return new MultisigState(
        MultisigCodec.readAddresses(r),
        r.readUint64(),
        r.readInt64(),
        TokenAmount.decode(r),
        r.readInt64(),
        r.readInt64(),
        r.readCid());
  }
}
