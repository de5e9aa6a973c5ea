package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.api.ApiTraces.InvocResultJson;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import io.filnode.vm.stmgr.CirculatingSupply;
import io.filnode.vm.stmgr.ExactCirculatingSupply;
import io.filnode.vm.stmgr.MessageSearch;
import io.filnode.vm.stmgr.MessageWaiter;
import io.filnode.vm.stmgr.MsgLookup;
import io.filnode.vm.stmgr.StateCaller;
import io.filnode.vm.stmgr.StateManager;
import io.filnode.vm.stmgr.StateManagerException;

/**
 * The {@code State*} methods that execute messages or find where they were executed: {@code
 * StateCall}, {@code StateReplay}, {@code StateSearchMsg}, {@code StateWaitMsg}, and v0's {@code
 * StateSearchMsgLimited}, {@code StateWaitMsgLimited} and {@code StateGetReceipt} (which Lotus
 * v1.10.0 serves through its v1 methods with no lookback limit and replacements allowed); and the
 * circulating supply, exact ({@code StateCirculatingSupply}) and as the VM sees it.
 *
 * <p>{@code ReturnDec} (the decoded return value) is always null: this node does not decode actor
 * return values to JSON.
 */
public final class StateCallApi {
  /** Lotus's {@code api.MsgLookup}. */
  public record MsgLookupJson(
      @JsonProperty("Message") Cid message,
      @JsonProperty("Receipt") MessageReceipt receipt,
      @JsonProperty("ReturnDec") Object returnDec,
      @JsonProperty("TipSet") TipSetKey tipSet,
      @JsonProperty("Height") long height) {
    static MsgLookupJson of(MsgLookup l) {
      return new MsgLookupJson(l.message(), l.receipt(), null, l.tipSet().key(), l.height());
    }
  }

  /** Lotus's {@code api.CirculatingSupply}. */
  public record CirculatingSupplyJson(
      @JsonProperty("FilVested") TokenAmount filVested,
      @JsonProperty("FilMined") TokenAmount filMined,
      @JsonProperty("FilBurnt") TokenAmount filBurnt,
      @JsonProperty("FilLocked") TokenAmount filLocked,
      @JsonProperty("FilCirculating") TokenAmount filCirculating,
      @JsonProperty("FilReserveDisbursed") TokenAmount filReserveDisbursed) {
    static CirculatingSupplyJson of(CirculatingSupply.Detail d) {
      return new CirculatingSupplyJson(
          d.vested(), d.mined(), d.burnt(), d.locked(), d.circulating(), d.reserveDisbursed());
    }
  }

  private static final long NO_LIMIT = MessageSearch.LOOKBACK_NO_LIMIT;

  private final ChainView view;
  private final StateManager sm;
  private final StateCaller caller;
  private final MessageSearch search;
  private final MessageWaiter waiter;

  public StateCallApi(ChainView view, StateManager sm) {
    this.view = view;
    this.sm = sm;
    this.caller = new StateCaller(sm);
    this.search = new MessageSearch(view.chain());
    this.waiter = new MessageWaiter(view.chain(), search);
  }

  /** Registers the {@code /rpc/v1} methods. */
  public void registerV1(MethodRegistry r) {
    registerCommon(r);
    r.register(
        "Filecoin.StateSearchMsg",
        Permission.READ,
        Params.of(TipSetKey.class, Cid.class, Long.class, Boolean.class),
        (ctx, a) ->
            search(
                a.get(0, TipSetKey.class),
                a.get(1, Cid.class),
                num(a.get(2, Long.class)),
                bool(a.get(3, Boolean.class))));
    r.register(
        "Filecoin.StateWaitMsg",
        Permission.READ,
        Params.of(Cid.class, Long.class, Long.class, Boolean.class),
        (ctx, a) ->
            waitMsg(
                ctx,
                a.get(0, Cid.class),
                num(a.get(1, Long.class)),
                num(a.get(2, Long.class)),
                bool(a.get(3, Boolean.class))));
  }

  /** Registers the {@code /rpc/v0} methods. */
  public void registerV0(MethodRegistry r) {
    registerCommon(r);
    r.register(
        "Filecoin.StateSearchMsg",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) -> search(null, a.get(0, Cid.class), NO_LIMIT, true));
    r.register(
        "Filecoin.StateSearchMsgLimited",
        Permission.READ,
        Params.of(Cid.class, Long.class),
        (ctx, a) -> search(null, a.get(0, Cid.class), num(a.get(1, Long.class)), true));
    r.register(
        "Filecoin.StateWaitMsg",
        Permission.READ,
        Params.of(Cid.class, Long.class),
        (ctx, a) -> waitMsg(ctx, a.get(0, Cid.class), num(a.get(1, Long.class)), NO_LIMIT, true));
    r.register(
        "Filecoin.StateWaitMsgLimited",
        Permission.READ,
        Params.of(Cid.class, Long.class, Long.class),
        (ctx, a) ->
            waitMsg(
                ctx,
                a.get(0, Cid.class),
                num(a.get(1, Long.class)),
                num(a.get(2, Long.class)),
                true));
    r.register(
        "Filecoin.StateGetReceipt",
        Permission.READ,
        Params.of(Cid.class, TipSetKey.class),
        (ctx, a) -> {
          MsgLookupJson l = search(a.get(1, TipSetKey.class), a.get(0, Cid.class), NO_LIMIT, true);
          return l == null ? null : l.receipt();
        });
  }

  private void registerCommon(MethodRegistry r) {
    r.register(
        "Filecoin.StateCall",
        Permission.READ,
        Params.of(UnsignedMessage.class, TipSetKey.class),
        (ctx, a) -> call(a.get(0, UnsignedMessage.class), a.get(1, TipSetKey.class)));
    r.register(
        "Filecoin.StateReplay",
        Permission.READ,
        Params.of(TipSetKey.class, Cid.class),
        (ctx, a) -> replay(a.get(0, TipSetKey.class), a.get(1, Cid.class)));
    r.register(
        "Filecoin.StateCirculatingSupply",
        Permission.READ,
        Params.of(TipSetKey.class),
        (ctx, a) -> circulatingSupply(a.get(0, TipSetKey.class)));
    r.register(
        "Filecoin.StateVMCirculatingSupplyInternal",
        Permission.READ,
        Params.of(TipSetKey.class),
        (ctx, a) -> vmCirculatingSupply(a.get(0, TipSetKey.class)));
  }

  /** Lotus's {@code StateCirculatingSupply}: the exact supply in the tipset's parent state. */
  TokenAmount circulatingSupply(TipSetKey tsk) throws RpcException {
    TipSet ts = view.tipSet(tsk);
    try {
      return ExactCirculatingSupply.at(view.ipld(), ts.height() - 1, ts.parentStateRoot());
    } catch (StateManagerException e) {
      throw new RpcException(e.getMessage());
    }
  }

  /** Lotus's {@code StateVMCirculatingSupplyInternal}: the VM's view at the tipset's height. */
  CirculatingSupplyJson vmCirculatingSupply(TipSetKey tsk) throws RpcException {
    TipSet ts = view.tipSet(tsk);
    try {
      return CirculatingSupplyJson.of(
          sm.circulatingSupplyDetailed(ts.height(), ts.parentStateRoot()));
    } catch (StateManagerException e) {
      throw new RpcException(e.getMessage());
    }
  }

  InvocResultJson call(UnsignedMessage msg, TipSetKey tsk) throws RpcException {
    if (msg == null) {
      throw new RpcException("no message given");
    }
    TipSet ts = view.tipSet(tsk);
    try {
      return ApiTraces.invocResult(caller.call(msg, ts), false);
    } catch (StateManagerException e) {
      throw new RpcException(e.getMessage());
    }
  }

  /**
   * As Lotus: with no tipset, the tipset that carried the message (found from the head, a
   * replacement accepted); else the message is replayed in the given tipset.
   */
  InvocResultJson replay(TipSetKey tsk, Cid msgCid) throws RpcException {
    Cid toReplay = requireCid(msgCid);
    TipSet ts;
    try {
      if (tsk == null || tsk.cids().isEmpty()) {
        MsgLookup l =
            search
                .search(view.head(), toReplay, NO_LIMIT, true)
                .orElseThrow(() -> new RpcException("didn't find msg " + msgCid));
        toReplay = l.message();
        ts = view.tipSet(l.tipSet().parents());
      } else {
        ts = view.tipSet(tsk);
      }
      return ApiTraces.invocResult(caller.replay(ts, toReplay), true);
    } catch (StateManagerException e) {
      throw new RpcException(e.getMessage());
    }
  }

  MsgLookupJson search(TipSetKey tsk, Cid msgCid, long limit, boolean allowReplaced)
      throws RpcException {
    TipSet from = view.tipSet(tsk);
    try {
      return search
          .search(from, requireCid(msgCid), limit, allowReplaced)
          .map(MsgLookupJson::of)
          .orElse(null);
    } catch (StateManagerException e) {
      throw new RpcException(e.getMessage());
    }
  }

  MsgLookupJson waitMsg(
      CallContext ctx, Cid msgCid, long confidence, long limit, boolean allowReplaced)
      throws RpcException {
    try {
      return MsgLookupJson.of(
          waiter.waitFor(requireCid(msgCid), confidence, limit, allowReplaced, ctx::isCancelled));
    } catch (StateManagerException e) {
      throw new RpcException(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("waiting for message " + msgCid + ": interrupted");
    }
  }

  private static Cid requireCid(Cid c) throws RpcException {
    if (c == null) {
      throw new RpcException("no message CID given");
    }
    return c;
  }

  /** A JSON null number reads as Go's zero. */
  private static long num(Long v) {
    return v == null ? 0 : v;
  }

  private static boolean bool(Boolean v) {
    return v != null && v;
  }
}
