package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.store.ChainWeight;
import io.filnode.chain.store.HeadChange;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The {@code Chain*} methods answerable from the store. */
public final class ChainApi {
  /** Lotus's {@code api.HeadChange} JSON. */
  public record HeadChangeJson(@JsonProperty("Type") String type, @JsonProperty("Val") TipSet val) {
    static List<HeadChangeJson> of(List<HeadChange> changes) {
      return changes.stream()
          .map(c -> new HeadChangeJson(c.type().lotusName(), c.tipSet()))
          .toList();
    }
  }

  /** Lotus's {@code api.BlockMessages} JSON. */
  public record BlockMessages(
      @JsonProperty("BlsMessages") List<UnsignedMessage> blsMessages,
      @JsonProperty("SecpkMessages") List<SignedMessage> secpkMessages,
      @JsonProperty("Cids") List<Cid> cids) {}

  private final ChainView view;

  public ChainApi(ChainView view) {
    this.view = view;
  }

  /** Registers the methods on {@code r}. */
  public void register(MethodRegistry r) {
    r.register("Filecoin.ChainHead", Permission.READ, Params.none(), (ctx, a) -> view.head());
    r.register(
        "Filecoin.ChainGetGenesis",
        Permission.READ,
        Params.none(),
        (ctx, a) -> {
          try {
            return TipSet.of(view.chain().genesis());
          } catch (ChainStoreException e) {
            throw new RpcException(e.getMessage());
          }
        });
    r.register(
        "Filecoin.ChainGetBlock",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) -> block(a.get(0, Cid.class)));
    r.register(
        "Filecoin.ChainGetTipSet",
        Permission.READ,
        Params.of(TipSetKey.class),
        (ctx, a) -> {
          TipSetKey key = a.get(0, TipSetKey.class);
          if (key == null || key.cids().isEmpty()) {
            throw new RpcException("loading tipset " + TipSetKey.EMPTY + ": no blocks");
          }
          return view.tipSet(key);
        });
    r.register(
        "Filecoin.ChainGetTipSetByHeight",
        Permission.READ,
        Params.of(Long.class, TipSetKey.class),
        (ctx, a) -> {
          Long h = a.get(0, Long.class);
          if (h == null || h < 0) {
            throw new RpcException("invalid height " + h);
          }
          try {
            return view.chain().tipSetByHeight(h, view.tipSet(a.get(1, TipSetKey.class)), true);
          } catch (ChainStoreException e) {
            throw new RpcException(e.getMessage());
          }
        });
    r.register(
        "Filecoin.ChainReadObj",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) -> readObj(a.get(0, Cid.class)));
    r.register(
        "Filecoin.ChainHasObj",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) ->
            a.get(0, Cid.class) != null && view.chain().blockstore().has(a.get(0, Cid.class)));
    r.register(
        "Filecoin.ChainGetPath",
        Permission.READ,
        Params.of(TipSetKey.class, TipSetKey.class),
        (ctx, a) -> {
          TipSet from = view.tipSet(requireKey(a.get(0, TipSetKey.class)));
          TipSet to = view.tipSet(requireKey(a.get(1, TipSetKey.class)));
          try {
            return HeadChangeJson.of(view.chain().reorgOps(from, to));
          } catch (ChainStoreException e) {
            throw new RpcException(e.getMessage());
          }
        });
    r.register(
        "Filecoin.ChainGetBlockMessages",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) -> blockMessages(block(a.get(0, Cid.class))));
    r.register(
        "Filecoin.ChainGetMessage",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) -> message(a.get(0, Cid.class)));
    r.register(
        "Filecoin.ChainTipSetWeight",
        Permission.READ,
        Params.of(TipSetKey.class),
        (ctx, a) -> weight(view.tipSet(a.get(0, TipSetKey.class))).toString());
    r.registerChannel(
        "Filecoin.ChainNotify",
        Permission.READ,
        Params.none(),
        (ctx, a, out) -> {
          Runnable stop = view.chain().subscribe(changes -> out.send(HeadChangeJson.of(changes)));
          out.onCancel(stop);
        });
  }

  private static TipSetKey requireKey(TipSetKey key) throws RpcException {
    if (key == null || key.cids().isEmpty()) {
      throw new RpcException("loading tipset: empty tipset key");
    }
    return key;
  }

  BlockHeader block(Cid cid) throws RpcException {
    if (cid == null) {
      throw new RpcException("no block CID given");
    }
    try {
      return view.chain().getBlock(cid);
    } catch (ChainStoreException e) {
      throw new RpcException(e.getMessage());
    }
  }

  byte[] readObj(Cid cid) throws RpcException {
    byte[] data = cid == null ? null : view.chain().blockstore().get(cid);
    if (data == null) {
      throw new RpcException("blockstore get: ipld: could not find " + cid);
    }
    return data;
  }

  /** The block's messages: the MsgMeta's two AMTs (go-amt-ipld v2, as Lotus v1.10.0 reads). */
  BlockMessages blockMessages(BlockHeader h) throws RpcException {
    try {
      MsgMeta meta = MsgMeta.fromCbor(readObj(h.messages()));
      List<Cid> cids = new ArrayList<>();
      List<UnsignedMessage> bls = new ArrayList<>();
      for (Cid c : cidsOf(meta.blsMessages())) {
        bls.add(UnsignedMessage.fromCbor(readObj(c)));
        cids.add(c);
      }
      List<SignedMessage> secpk = new ArrayList<>();
      for (Cid c : cidsOf(meta.secpkMessages())) {
        secpk.add(SignedMessage.fromCbor(readObj(c)));
        cids.add(c);
      }
      return new BlockMessages(bls, secpk, cids);
    } catch (CborException e) {
      throw ChainView.decodeFailure("messages of block " + h.messages(), e);
    }
  }

  private List<Cid> cidsOf(Cid amtRoot) throws CborException {
    List<Cid> out = new ArrayList<>();
    Amt.load(view.ipld(), amtRoot, AmtOptions.v2())
        .forEach((i, v) -> out.add(new CborReader(v).readCid()));
    return out;
  }

  /** A message by CID: an unsigned message, or the message inside a signed one, as Lotus. */
  UnsignedMessage message(Cid cid) throws RpcException {
    byte[] data = readObj(cid);
    try {
      return UnsignedMessage.fromCbor(data);
    } catch (CborException notUnsigned) {
      try {
        return SignedMessage.fromCbor(data).message();
      } catch (CborException e) {
        throw ChainView.decodeFailure("message " + cid, e);
      }
    }
  }

  /** Lotus's EC weight, with the total QA power from the power actor of the parent state. */
  BigInteger weight(TipSet ts) throws RpcException {
    StateTree tree = view.parentState(ts);
    Actor power = ChainView.actor(tree, PowerState.ADDRESS);
    BigInteger qa;
    try {
      qa = PowerState.totalQualityAdjPower(readObj(power.head()));
    } catch (CborException e) {
      throw ChainView.decodeFailure("power actor state", e);
    }
    try {
      return ChainWeight.weight(ts, qa);
    } catch (IllegalArgumentException e) {
      throw new RpcException(e.getMessage());
    }
  }
}
