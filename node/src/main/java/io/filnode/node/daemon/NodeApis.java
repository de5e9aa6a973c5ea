package io.filnode.node.daemon;

import io.filnode.mpool.MessagePool;
import io.filnode.node.api.ChainView;
import io.filnode.node.api.CommonApi;
import io.filnode.node.api.GasApi;
import io.filnode.node.api.GasEstimator;
import io.filnode.node.api.MpoolApi;
import io.filnode.node.api.NetApi;
import io.filnode.node.api.StateApi;
import io.filnode.node.api.StateCallApi;
import io.filnode.node.api.SyncApi;
import io.filnode.node.p2p.NodeHost;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.auth.Jwt;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.stmgr.StateCaller;
import io.filnode.vm.stmgr.StateManager;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The handlers the node serves, built once and registered on each API path ({@link #registry}).
 *
 * @param common Version, Shutdown, Session and the other common methods
 * @param view the chain the chain and state methods read
 * @param state the state reads
 * @param wallet the wallet behind the Wallet methods
 * @param mpool the Mpool methods
 * @param gas the GasEstimate methods
 * @param stateCall StateCall, StateReplay and message search and wait
 * @param net the Net methods and ID over the node's libp2p host; null when the node runs none
 */
public record NodeApis(
    CommonApi common,
    ChainView view,
    StateApi state,
    Wallet wallet,
    MpoolApi mpool,
    GasApi gas,
    StateCallApi stateCall,
    NetApi net) {

  /**
   * The handlers over {@code sm}'s chain and {@code pool}: gas estimated by executing on the chain
   * after the sender's pending messages, with Lotus's default fee limit; {@code random} is the
   * noise of the premium estimate.
   */
  public static NodeApis of(
      CommonApi common,
      StateManager sm,
      NetworkSchedule versions,
      Wallet wallet,
      MessagePool pool,
      RandomGenerator random,
      NodeHost host) {
    ChainView view = new ChainView(sm.chain());
    GasEstimator gas =
        new GasEstimator(
            view,
            new StateCaller(sm),
            pool::pendingFor,
            () -> pool.config().gasLimitOverestimation(),
            GasEstimator.DEFAULT_MAX_FEE,
            random);
    return new NodeApis(
        common,
        view,
        new StateApi(view, versions),
        wallet,
        new MpoolApi(pool, wallet, gas, view),
        new GasApi(view, gas),
        new StateCallApi(view, sm),
        host == null ? null : new NetApi(host));
  }

  /** Every method the node serves on {@code /rpc/v1}, or on {@code /rpc/v0} when {@code v0}. */
  public MethodRegistry registry(Jwt jwt, UUID session, boolean v0) {
    MethodRegistry r = Daemon.registry(jwt, session, common, view, state, wallet);
    mpool.register(r);
    gas.register(r);
    new SyncApi().register(r);
    if (net != null) {
      net.register(r);
    }
    if (v0) {
      stateCall.registerV0(r);
    } else {
      stateCall.registerV1(r);
    }
    return r;
  }
}
