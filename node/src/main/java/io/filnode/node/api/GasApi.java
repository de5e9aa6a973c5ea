package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.chain.address.Address;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MessagePool;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import io.filnode.vm.stmgr.StateCaller;
import io.filnode.vm.stmgr.StateManager;
import java.util.SplittableRandom;

/**
 * The {@code GasEstimate*} methods (the same on v0 and v1). As Lotus v1.10.0, the fee cap and
 * premium are estimated from the head whatever tipset is given, and {@code GasEstimateMessageGas}
 * estimates on the head too. It is also the node's {@link MessageGasEstimator} (for {@code
 * MpoolPushMessage} and the devnet's own messages).
 */
public final class GasApi implements MessageGasEstimator {
  /** Lotus's {@code api.MessageSendSpec}. */
  public record MessageSendSpec(@JsonProperty("MaxFee") TokenAmount maxFee) {}

  private final ChainView view;
  private final GasEstimator gas;

  public GasApi(ChainView view, GasEstimator gas) {
    this.view = view;
    this.gas = gas;
  }

  /**
   * Estimates with the pool's pending messages and its current over-estimation factor, Lotus's
   * default maximum fee, and noise from an unseeded generator (advice, not consensus).
   */
  public GasApi(StateManager sm, MessagePool pool) {
    this(new ChainView(sm.chain()), sm, pool);
  }

  private GasApi(ChainView view, StateManager sm, MessagePool pool) {
    this(
        view,
        new GasEstimator(
            view,
            new StateCaller(sm),
            pool::pendingFor,
            () -> pool.config().gasLimitOverestimation(),
            GasEstimator.DEFAULT_MAX_FEE,
            new SplittableRandom()));
  }

  @Override
  public UnsignedMessage estimateMessageGas(UnsignedMessage msg, TokenAmount maxFee, TipSet ts)
      throws RpcException {
    return gas.estimateMessageGas(msg, maxFee, ts);
  }

  /** Registers the methods on {@code r}. */
  public void register(MethodRegistry r) {
    r.register(
        "Filecoin.GasEstimateFeeCap",
        Permission.READ,
        Params.of(UnsignedMessage.class, Long.class, TipSetKey.class),
        (ctx, a) -> gas.feeCap(msg(a.get(0, UnsignedMessage.class)), num(a.get(1, Long.class))));
    r.register(
        "Filecoin.GasEstimateGasPremium",
        Permission.READ,
        Params.of(Long.class, Address.class, Long.class, TipSetKey.class),
        (ctx, a) -> gas.gasPremium(num(a.get(0, Long.class))));
    r.register(
        "Filecoin.GasEstimateGasLimit",
        Permission.READ,
        Params.of(UnsignedMessage.class, TipSetKey.class),
        (ctx, a) ->
            gas.gasLimit(
                msg(a.get(0, UnsignedMessage.class)), view.tipSet(a.get(1, TipSetKey.class))));
    r.register(
        "Filecoin.GasEstimateMessageGas",
        Permission.READ,
        Params.of(UnsignedMessage.class, MessageSendSpec.class, TipSetKey.class),
        (ctx, a) -> {
          MessageSendSpec spec = a.get(1, MessageSendSpec.class);
          return gas.estimateMessageGas(
              msg(a.get(0, UnsignedMessage.class)), spec == null ? null : spec.maxFee(), null);
        });
  }

  private static UnsignedMessage msg(UnsignedMessage m) throws RpcException {
    if (m == null) {
      throw new RpcException("no message given");
    }
    return m;
  }

  /** A JSON null number reads as Go's zero. */
  private static long num(Long v) {
    return v == null ? 0 : v;
  }
}
