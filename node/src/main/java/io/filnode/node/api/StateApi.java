package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.InitActorState;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import io.filnode.vm.NetworkSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code State*} methods answerable by reading a state tree (no VM). */
public final class StateApi {
  /** Lotus's {@code types.Actor} JSON. */
  public record ActorJson(
      @JsonProperty("Code") Cid code,
      @JsonProperty("Head") Cid head,
      @JsonProperty("Nonce") long nonce,
      @JsonProperty("Balance") TokenAmount balance) {
    static ActorJson of(Actor a) {
      return new ActorJson(a.code(), a.head(), a.nonce(), a.balance());
    }
  }

  private final ChainView view;
  private final NetworkSchedule versions;

  public StateApi(ChainView view, NetworkSchedule versions) {
    this.view = view;
    this.versions = versions;
  }

  /** Registers the methods on {@code r}. */
  public void register(MethodRegistry r) {
    Params addrTsk = Params.of(Address.class, TipSetKey.class);
    r.register(
        "Filecoin.StateGetActor",
        Permission.READ,
        addrTsk,
        (ctx, a) ->
            ActorJson.of(
                ChainView.actor(state(a.get(1, TipSetKey.class)), addr(a.get(0, Address.class)))));
    r.register(
        "Filecoin.StateLookupID",
        Permission.READ,
        addrTsk,
        (ctx, a) -> lookupId(state(a.get(1, TipSetKey.class)), addr(a.get(0, Address.class))));
    r.register(
        "Filecoin.StateAccountKey",
        Permission.READ,
        addrTsk,
        (ctx, a) -> accountKey(state(a.get(1, TipSetKey.class)), addr(a.get(0, Address.class))));
    r.register(
        "Filecoin.StateListActors",
        Permission.READ,
        Params.of(TipSetKey.class),
        (ctx, a) -> listActors(state(a.get(0, TipSetKey.class))));
    r.register(
        "Filecoin.StateNetworkName",
        Permission.READ,
        Params.none(),
        (ctx, a) -> networkName(state(null)));
    r.register(
        "Filecoin.StateNetworkVersion",
        Permission.READ,
        Params.of(TipSetKey.class),
        (ctx, a) -> versions.versionAt(view.tipSet(a.get(0, TipSetKey.class)).height()));
  }

  StateTree state(TipSetKey key) throws RpcException {
    TipSet ts = view.tipSet(key);
    return view.parentState(ts);
  }

  private static Address addr(Address a) throws RpcException {
    if (a == null) {
      throw new RpcException("no address given");
    }
    return a;
  }

  /** The ID address of {@code a}; Lotus's error when the state has none. */
  static Address lookupId(StateTree tree, Address a) throws RpcException {
    Optional<Address> id;
    try {
      id = tree.lookupId(a);
    } catch (CborException e) {
      throw ChainView.decodeFailure("the init actor's address map", e);
    }
    if (id.isEmpty()) {
      throw new RpcException("resolution lookup failed (" + a + "): actor not found");
    }
    return id.get();
  }

  /** The key address behind {@code a} (see {@link ChainView#accountKey}). */
  Address accountKey(StateTree tree, Address a) throws RpcException {
    return view.accountKey(tree, a);
  }

  private static List<Address> listActors(StateTree tree) throws RpcException {
    List<Address> out = new ArrayList<>();
    try {
      tree.forEach((id, act) -> out.add(id));
    } catch (CborException e) {
      throw ChainView.decodeFailure("the state tree", e);
    }
    return out;
  }

  private String networkName(StateTree tree) throws RpcException {
    Actor init = ChainView.actor(tree, StateTree.INIT_ADDRESS);
    try {
      return view.ipld().get(init.head(), "init actor state", InitActorState::decode).networkName();
    } catch (CborException e) {
      throw ChainView.decodeFailure("init actor state", e);
    }
  }
}
