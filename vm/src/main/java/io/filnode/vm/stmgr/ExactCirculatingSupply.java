package io.filnode.vm.stmgr;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.v2.market.MarketState;
import io.filnode.actors.v2.miner.MinerState;
import io.filnode.actors.v2.multisig.MultisigState;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.TokenAmount;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lotus v1.10.0's {@code GetCirculatingSupply}, the exact supply shown to users by {@code
 * StateCirculatingSupply} (the VM uses an approximation): every actor's balance counted as
 * circulating or not, by what the actor is. Reads actors v2 state, the only version this VM runs.
 */
public final class ExactCirculatingSupply {
  private static final Address SAFT_ADDRESS = Address.newId(122);
  private static final Address RESERVE_ADDRESS = Address.newId(90);
  private static final Set<Address> NEVER_CIRCULATING =
      Set.of(
          Builtin.INIT_ACTOR_ADDR,
          Builtin.REWARD_ACTOR_ADDR,
          Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
          Builtin.STORAGE_POWER_ACTOR_ADDR,
          Builtin.SYSTEM_ACTOR_ADDR,
          Builtin.CRON_ACTOR_ADDR,
          Builtin.BURNT_FUNDS_ACTOR_ADDR,
          SAFT_ADDRESS,
          RESERVE_ADDRESS);

  private ExactCirculatingSupply() {}

  /**
   * The circulating supply at {@code height} in the state {@code stateRoot}.
   *
   * @throws StateManagerException when a state does not decode, an actor is of no known kind, or
   *     the balances do not add up to the 2 billion FIL there are (as Lotus)
   */
  public static TokenAmount at(IpldStore store, long height, Cid stateRoot)
      throws StateManagerException {
    // collect first: the state tree's visitor cannot throw our checked exception
    Map<Address, Actor> actors = new LinkedHashMap<>();
    try {
      StateTree.load(store, stateRoot).forEach(actors::put);
    } catch (CborException e) {
      throw new StateManagerException("load state tree: " + e.getMessage(), e);
    }
    TokenAmount circ = TokenAmount.ZERO;
    TokenAmount unCirc = TokenAmount.ZERO;
    try {
      for (Map.Entry<Address, Actor> e : actors.entrySet()) {
        Address a = e.getKey();
        Actor actor = e.getValue();
        TokenAmount bal = actor.balance();
        Optional<ActorKind> kind = BuiltinActors.lookup(actor.code()).map(c -> c.kind());
        if (bal.isZero()) {
          continue;
        } else if (NEVER_CIRCULATING.contains(a)) {
          unCirc = unCirc.add(bal);
        } else if (a.equals(Builtin.STORAGE_MARKET_ACTOR_ADDR)) {
          MarketState m = store.get(actor.head(), "market state", MarketState::decode);
          TokenAmount locked =
              m.totalClientLockedCollateral()
                  .add(m.totalProviderLockedCollateral())
                  .add(m.totalClientStorageFee());
          circ = circ.add(bal.subtract(locked));
          unCirc = unCirc.add(locked);
        } else if (kind.isPresent()
            && (kind.get() == ActorKind.ACCOUNT || kind.get() == ActorKind.PAYMENT_CHANNEL)) {
          circ = circ.add(bal);
        } else if (kind.isPresent() && kind.get() == ActorKind.STORAGE_MINER) {
          MinerState m = store.get(actor.head(), "miner state", MinerState::decode);
          TokenAmount available;
          try {
            available = m.getAvailableBalance(bal);
          } catch (ActorException brokenMiner) {
            // Lotus: locked funds above the balance make the whole balance uncirculating
            unCirc = unCirc.add(bal);
            continue;
          }
          circ = circ.add(available);
          unCirc = unCirc.add(bal.subtract(available));
        } else if (kind.isPresent() && kind.get() == ActorKind.MULTISIG) {
          MultisigState m = store.get(actor.head(), "multisig state", MultisigState::decode);
          TokenAmount locked = m.amountLocked(height - m.startEpoch());
          TokenAmount available = bal.subtract(locked);
          circ = circ.add(available.signum() > 0 ? available : TokenAmount.ZERO);
          unCirc = unCirc.add(bal.compareTo(locked) < 0 ? bal : locked);
        } else {
          throw new StateManagerException("unexpected actor: " + a);
        }
      }
    } catch (CborException e) {
      throw new StateManagerException("reading actor state: " + e.getMessage(), e);
    }
    TokenAmount total = circ.add(unCirc);
    if (!total.equals(TokenAmount.TOTAL_FILECOIN)) {
      throw new StateManagerException(
          "total filecoin didn't add to expected amount: "
              + total.toAttoString()
              + " != "
              + TokenAmount.TOTAL_FILECOIN.toAttoString());
    }
    return circ;
  }
}
