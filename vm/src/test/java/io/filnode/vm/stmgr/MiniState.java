package io.filnode.vm.stmgr;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.v2.account.AccountState;
import io.filnode.actors.v2.cron.CronState;
import io.filnode.actors.v2.init.InitState;
import io.filnode.actors.v2.market.MarketState;
import io.filnode.actors.v2.multisig.MultisigState;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.actors.v2.reward.RewardState;
import io.filnode.actors.v2.system.SystemState;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The smallest state the VM can execute tipsets on (actors v2): system, init, reward, cron, power,
 * market, burnt funds, the reserve f090, a vesting multisig f0105 and the given accounts. No
 * miners: block rewards sent to a non-miner fail and are burnt, as the reward actor does.
 */
final class MiniState {
  static final TokenAmount RESERVE_BALANCE = TokenAmount.ofFil(299_000_000L);

  private MiniState() {}

  /** Builds the state; {@code accounts} maps ID to key address, each funded with 1000 FIL. */
  static Cid build(Blockstore blocks, Map<Long, Address> accounts) throws Exception {
    IpldStore store = new IpldStore(blocks);
    Cid emptyMap = Hamt.create(store, BuiltinActors.hamtOptions(2)).flush();
    Cid emptyArray = Amt.create(store, AmtOptions.v2()).flush();
    StateTree tree = StateTree.create(store, 1);
    Hamt addressMap = Hamt.create(store, BuiltinActors.hamtOptions(2));
    for (Map.Entry<Long, Address> e : accounts.entrySet()) {
      addressMap.set(e.getValue().bytes(), new CborWriter().writeUint64(e.getKey()).toByteArray());
      set(store, tree, e.getKey(), ActorKind.ACCOUNT, new AccountState(e.getValue()), fil(1000));
    }
    Cid map = addressMap.flush();
    set(store, tree, 0, ActorKind.SYSTEM, new SystemState(), TokenAmount.ZERO);
    set(store, tree, 1, ActorKind.INIT, new InitState(map, 1000, "stmgr-test"), TokenAmount.ZERO);
    set(
        store,
        tree,
        2,
        ActorKind.REWARD,
        RewardState.construct(BigInteger.ZERO),
        fil(1_100_000_000L));
    set(
        store,
        tree,
        3,
        ActorKind.CRON,
        new CronState(CronState.builtInEntries()),
        TokenAmount.ZERO);
    set(
        store,
        tree,
        4,
        ActorKind.STORAGE_POWER,
        PowerState.construct(emptyMap, emptyMap),
        TokenAmount.ZERO);
    set(
        store,
        tree,
        5,
        ActorKind.STORAGE_MARKET,
        MarketState.construct(emptyArray, emptyMap, emptyMap),
        TokenAmount.ZERO);
    // a genesis multisig vesting 1000 FIL linearly over epochs 0 to 10
    set(
        store,
        tree,
        105,
        ActorKind.MULTISIG,
        new MultisigState(List.of(Address.newId(100)), 1, 0, fil(1000), 0, 10, emptyMap),
        fil(1000));
    set(store, tree, 90, ActorKind.ACCOUNT, new AccountState(Address.newId(90)), RESERVE_BALANCE);
    set(
        store,
        tree,
        Builtin.BURNT_FUNDS_ACTOR_ADDR.id(),
        ActorKind.ACCOUNT,
        new AccountState(Builtin.BURNT_FUNDS_ACTOR_ADDR),
        TokenAmount.ZERO);
    return tree.flush();
  }

  private static TokenAmount fil(long n) {
    return TokenAmount.ofFil(n);
  }

  private static void set(
      IpldStore store, StateTree tree, long id, ActorKind kind, CborEncodable st, TokenAmount bal)
      throws Exception {
    tree.setActor(
        Address.newId(id), new Actor(BuiltinActors.codeCid(kind, 2), store.put(st), 0, bal));
  }
}
