package io.filnode.vm.stmgr;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.v2.market.MarketState;
import io.filnode.actors.v2.multisig.MultisigState;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.actors.v2.reward.RewardState;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.VmFatalException;
import io.filnode.vm.VmStateTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The circulating supply the VM sees, as Lotus v1.10.0's {@code GetVMCirculatingSupplyDetailed}:
 * vested + mined + reserve disbursed − burnt − locked, floored at zero. Mined is the reward actor's
 * {@code TotalStoragePowerReward}, burnt the balance of f099, locked the market's locked totals
 * plus the power actor's pledge, and reserve disbursed (after Assembly, network version 4) the 300M
 * FIL reserve minus the balance of f090.
 *
 * <p>Vested is what the genesis state's multisigs (other than the reserve f090, counted as reserve
 * disbursed) have vested by then, plus, up to Assembly, the genesis pledge and market funds.
 * Mainnet differs: Lotus v1.10.0 uses hard-coded mainnet vesting tables (pre-Ignition,
 * post-Ignition and post-Calico, started at Liftoff) instead of the genesis multisigs; filnode does
 * not have them, so this is not mainnet's figure. The states are read as specs-actors v2 lays them
 * out (the only actors this VM runs).
 */
public final class CirculatingSupply {
  /** {@code builtin.ReserveAddress}: the mining reserve, f090. */
  public static final Address RESERVE_ADDRESS = Address.newId(90);

  /** {@code build.InitialFilReserved}: 300M FIL. */
  public static final TokenAmount INITIAL_FIL_RESERVED = TokenAmount.ofFil(300_000_000L);

  /** The network version of the Assembly upgrade, from which the reserve counts as disbursed. */
  private static final int ASSEMBLY_VERSION = 4;

  /** Where the genesis state is; asked once, on the first computation. */
  @FunctionalInterface
  public interface GenesisState {
    Cid root() throws StateManagerException;
  }

  /** The parts of the supply, Lotus's {@code api.CirculatingSupply}. */
  public record Detail(
      TokenAmount vested,
      TokenAmount mined,
      TokenAmount burnt,
      TokenAmount locked,
      TokenAmount reserveDisbursed,
      TokenAmount circulating) {}

  private record GenesisInfo(
      List<MultisigState> multisigs, TokenAmount pledge, TokenAmount marketFunds) {}

  private final Blockstore store;
  private final NetworkSchedule schedule;
  private final GenesisState genesis;
  private GenesisInfo genesisInfo;

  public CirculatingSupply(Blockstore store, NetworkSchedule schedule, GenesisState genesis) {
    this.store = store;
    this.schedule = schedule;
    this.genesis = genesis;
  }

  /** The supply at {@code height} in the state at {@code stateRoot}. */
  public Detail detailed(long height, Cid stateRoot) throws StateManagerException {
    return detailed(height, new VmStateTree(new IpldStore(store), stateRoot));
  }

  /** The supply at {@code height} in {@code state}, which may hold unflushed VM changes. */
  public Detail detailed(long height, VmStateTree state) throws StateManagerException {
    try {
      GenesisInfo g = genesisInfo();
      TokenAmount vested = vested(height, g);
      TokenAmount reserve = TokenAmount.ZERO;
      if (schedule.versionAt(height) >= ASSEMBLY_VERSION) {
        reserve = INITIAL_FIL_RESERVED.subtract(actor(state, RESERVE_ADDRESS).balance());
      }
      IpldStore ipld = state.store();
      RewardState reward =
          ipld.get(
              actor(state, Builtin.REWARD_ACTOR_ADDR).head(), "reward state", RewardState::decode);
      TokenAmount mined = TokenAmount.ofAtto(reward.totalStoragePowerReward);
      TokenAmount burnt = actor(state, Builtin.BURNT_FUNDS_ACTOR_ADDR).balance();
      TokenAmount locked = marketLocked(state, ipld).add(powerLocked(state, ipld));
      TokenAmount circ = vested.add(mined).add(reserve).subtract(burnt).subtract(locked);
      if (circ.signum() < 0) {
        circ = TokenAmount.ZERO;
      }
      return new Detail(vested, mined, burnt, locked, reserve, circ);
    } catch (CborException | VmFatalException e) {
      throw new StateManagerException("computing the circulating supply: " + e.getMessage(), e);
    }
  }

  /** The circulating supply alone, for the VM: a failure is fatal to the message. */
  public TokenAmount at(long height, VmStateTree state) {
    try {
      return detailed(height, state).circulating();
    } catch (StateManagerException e) {
      throw new VmFatalException(e.getMessage(), e);
    }
  }

  private TokenAmount vested(long height, GenesisInfo g) {
    TokenAmount vested = TokenAmount.ZERO;
    for (MultisigState m : g.multisigs()) {
      vested = vested.add(m.initialBalance().subtract(m.amountLocked(height - m.startEpoch())));
    }
    if (schedule.versionAt(height) < ASSEMBLY_VERSION) {
      // afterwards these funds count in the reserve disbursed
      vested = vested.add(g.pledge()).add(g.marketFunds());
    }
    return vested;
  }

  private synchronized GenesisInfo genesisInfo() throws StateManagerException, CborException {
    if (genesisInfo == null) {
      Cid root = genesis.root();
      IpldStore ipld = new IpldStore(store);
      VmStateTree state = new VmStateTree(ipld, root);
      List<MultisigState> msigs = new ArrayList<>();
      List<Cid> heads = new ArrayList<>();
      StateTree.load(ipld, root)
          .forEach(
              (addr, actor) -> {
                boolean msig =
                    BuiltinActors.lookup(actor.code())
                        .map(c -> c.kind() == ActorKind.MULTISIG)
                        .orElse(false);
                if (msig && !addr.equals(RESERVE_ADDRESS)) {
                  heads.add(actor.head());
                }
              });
      for (Cid head : heads) {
        msigs.add(ipld.get(head, "multisig state", MultisigState::decode));
      }
      genesisInfo =
          new GenesisInfo(List.copyOf(msigs), powerLocked(state, ipld), marketLocked(state, ipld));
    }
    return genesisInfo;
  }

  private static TokenAmount marketLocked(VmStateTree state, IpldStore ipld)
      throws StateManagerException, CborException {
    MarketState m =
        ipld.get(
            actor(state, Builtin.STORAGE_MARKET_ACTOR_ADDR).head(),
            "market state",
            MarketState::decode);
    return m.totalClientLockedCollateral()
        .add(m.totalProviderLockedCollateral())
        .add(m.totalClientStorageFee());
  }

  private static TokenAmount powerLocked(VmStateTree state, IpldStore ipld)
      throws StateManagerException, CborException {
    PowerState p =
        ipld.get(
            actor(state, Builtin.STORAGE_POWER_ACTOR_ADDR).head(),
            "power state",
            PowerState::decode);
    return p.totalPledgeCollateral;
  }

  private static Actor actor(VmStateTree state, Address address) throws StateManagerException {
    Actor a = state.getActor(address);
    if (a == null) {
      throw new StateManagerException("the state has no actor " + address);
    }
    return a;
  }
}
