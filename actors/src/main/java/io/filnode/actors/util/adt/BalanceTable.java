package io.filnode.actors.util.adt;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.HamtOptions;
import io.filnode.chain.types.TokenAmount;

/**
 * specs-actors' {@code adt.BalanceTable}: a HAMT from address to a non-negative token amount, where
 * an absent key means zero. The operations Go reports as errors (a balance that would go negative)
 * abort with {@code ErrIllegalState}, which is what every caller in the actors turns them into.
 */
public final class BalanceTable {
  private final AdtMap map;

  private BalanceTable(AdtMap map) {
    this.map = map;
  }

  /** The table whose HAMT root is {@code root}. */
  public static BalanceTable load(IpldStore store, Cid root, HamtOptions options) {
    return new BalanceTable(AdtMap.load(store, root, options));
  }

  /** The balance of {@code key}: zero when it has none. */
  public TokenAmount get(Address key) {
    TokenAmount value = map.get(Keys.address(key), TokenAmount::decode);
    return value == null ? TokenAmount.ZERO : value;
  }

  /**
   * Adds {@code value} (which may be negative) to the balance of {@code key}. A balance brought to
   * zero is removed; adding zero to an absent key stores an explicit zero, as Go does.
   */
  public void add(Address key, TokenAmount value) {
    TokenAmount prev = get(key);
    TokenAmount sum = prev.add(value);
    int sign = sum.signum();
    if (sign < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_STATE,
          "adding %s to balance %s would give negative: %s",
          value.toAttoString(),
          prev.toAttoString(),
          sum.toAttoString());
    } else if (sign == 0 && !prev.isZero()) {
      if (!map.delete(Keys.address(key))) {
        throw new ActorException(ExitCode.ERR_ILLEGAL_STATE, "balance entry vanished: " + key);
      }
      return;
    }
    map.put(Keys.address(key), sum::encode);
  }

  /**
   * Subtracts up to {@code req} from the balance of {@code key} without taking it below {@code
   * floor}; returns the amount subtracted.
   */
  public TokenAmount subtractWithMinimum(Address key, TokenAmount req, TokenAmount floor) {
    TokenAmount prev = get(key);
    TokenAmount available = max(TokenAmount.ZERO, prev.subtract(floor));
    TokenAmount sub = available.compareTo(req) <= 0 ? available : req;
    if (sub.signum() > 0) {
      add(key, TokenAmount.ZERO.subtract(sub));
    }
    return sub;
  }

  /** Subtracts {@code req} from the balance of {@code key}, which must hold at least that much. */
  public void mustSubtract(Address key, TokenAmount req) {
    TokenAmount prev = get(key);
    if (req.compareTo(prev) > 0) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_STATE, "couldn't subtract the requested amount from " + key);
    }
    add(key, TokenAmount.ZERO.subtract(req));
  }

  /** The sum of all balances. */
  public TokenAmount total() {
    TokenAmount[] total = {TokenAmount.ZERO};
    map.forEach(
        (k, v) ->
            total[0] = total[0].add(CborReader.decodeWhole(v, "balance", TokenAmount::decode)));
    return total[0];
  }

  /** Writes the changed nodes and returns the root CID. */
  public Cid root() {
    return map.flush();
  }

  private static TokenAmount max(TokenAmount a, TokenAmount b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
