package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.DagCborLinks;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.store.ChainWeight;
import io.filnode.chain.store.HeadChange;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  /** Lotus's {@code api.Message} JSON: a message with its CID (the signed CID for secp256k1). */
  public record ApiMessage(
      @JsonProperty("Cid") Cid cid, @JsonProperty("Message") UnsignedMessage message) {}

  /** Lotus's {@code api.ObjStat} JSON. */
  public record ObjStat(@JsonProperty("Size") long size, @JsonProperty("Links") long links) {}

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
        "Filecoin.ChainStatObj",
        Permission.READ,
        Params.of(Cid.class, Cid.class),
        (ctx, a) -> statObj(a.get(0, Cid.class), a.get(1, Cid.class)));
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
        "Filecoin.ChainGetParentMessages",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) -> parentMessages(block(a.get(0, Cid.class))));
    r.register(
        "Filecoin.ChainGetParentReceipts",
        Permission.READ,
        Params.of(Cid.class),
        (ctx, a) -> parentReceipts(block(a.get(0, Cid.class))));
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
    r.registerChannel(
        "Filecoin.ChainExport",
        Permission.READ,
        Params.of(Long.class, Boolean.class, TipSetKey.class),
        (ctx, a, out) -> {
          Long nroots = a.get(0, Long.class);
          TipSet ts = view.tipSet(a.get(2, TipSetKey.class)); // fails before the channel opens
          ChainExportStream.start(
              view.chain().blockstore(),
              ts,
              nroots == null ? 0 : nroots,
              Boolean.TRUE.equals(a.get(1, Boolean.class)),
              out);
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

  /**
   * As Lotus's {@code ChainStatObj}: the count and total size of the distinct blocks reachable from
   * {@code obj}, leaving out those reachable from {@code base} (when not null). Piece and sector
   * commitments are links to data outside the store and are not followed.
   */
  ObjStat statObj(Cid obj, Cid base) throws RpcException {
    if (obj == null) {
      throw new RpcException("no object CID given");
    }
    Set<Cid> seen = new HashSet<>();
    if (base != null) {
      walk(base, seen, null);
    }
    long[] stats = new long[2];
    walk(obj, seen, stats);
    return new ObjStat(stats[0], stats[1]);
  }

  /** Visits the unseen blocks under {@code root}; adds their size and count to {@code stats}. */
  private void walk(Cid root, Set<Cid> seen, long[] stats) throws RpcException {
    Deque<Cid> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Cid c = todo.pop();
      if (c.codec() == Cid.FIL_COMMITMENT_SEALED
          || c.codec() == Cid.FIL_COMMITMENT_UNSEALED
          || !seen.add(c)) {
        continue;
      }
      byte[] data = readObj(c);
      if (stats != null) {
        stats[0] += data.length;
        stats[1]++;
      }
      if (c.codec() == Cid.DAG_CBOR) {
        try {
          DagCborLinks.forEach(data, todo::push);
        } catch (CborException e) {
          throw ChainView.decodeFailure("block " + c, e);
        }
      } else if (c.codec() != Cid.RAW) {
        throw new RpcException("cannot follow the links of " + c + ": codec not supported");
      }
    }
  }

  /** The block's messages in Lotus's JSON shape. */
  BlockMessages blockMessages(BlockHeader h) throws RpcException {
    try {
      io.filnode.chain.store.BlockMessages m = view.chain().blockMessages(h);
      return new BlockMessages(m.blsMessages(), m.secpkMessages(), m.cids());
    } catch (ChainStoreException e) {
      throw new RpcException(e.getMessage());
    }
  }

  /**
   * The messages a block's parent tipset applied, in order (Lotus's MessagesForTipset). Null for
   * the genesis block, as Lotus.
   */
  List<ApiMessage> parentMessages(BlockHeader b) throws RpcException {
    if (b.height() == 0) {
      return null;
    }
    TipSet parent = view.tipSet(new TipSetKey(b.parents()));
    try {
      return view.chain().messagesForTipSet(parent).stream()
          .map(m -> new ApiMessage(m.cid(), m.message()))
          .toList();
    } catch (ChainStoreException e) {
      throw new RpcException(e.getMessage());
    }
  }

  /** The receipts of a block's parent messages, one per message of {@link #parentMessages}. */
  List<MessageReceipt> parentReceipts(BlockHeader b) throws RpcException {
    if (b.height() == 0) {
      return null;
    }
    int count = parentMessages(b).size();
    List<MessageReceipt> out = new ArrayList<>(count);
    try {
      Amt receipts = Amt.load(view.ipld(), b.parentMessageReceipts(), AmtOptions.v2());
      for (int i = 0; i < count; i++) {
        MessageReceipt r = receipts.get(i, MessageReceipt::decode);
        if (r == null) {
          throw new RpcException("failed to find receipt " + i + " of block " + b.cid());
        }
        out.add(r);
      }
    } catch (CborException e) {
      throw ChainView.decodeFailure("receipts " + b.parentMessageReceipts(), e);
    }
    return out;
  }

  /** A message by CID: an unsigned message, or the message inside a signed one, as Lotus. */
  UnsignedMessage message(Cid cid) throws RpcException {
    if (cid == null) {
      throw new RpcException("no message CID given");
    }
    try {
      return view.chain().getMessage(cid);
    } catch (ChainStoreException e) {
      throw new RpcException(e.getMessage());
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
