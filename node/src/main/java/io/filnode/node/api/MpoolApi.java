package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MessageSelector;
import io.filnode.mpool.MpoolConfig;
import io.filnode.mpool.MpoolException;
import io.filnode.mpool.MpoolUpdate;
import io.filnode.node.mpool.MpoolConfigJson;
import io.filnode.node.wallet.Wallet;
import io.filnode.node.wallet.WalletException;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.json.LotusJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The {@code Mpool*} methods over the {@link MessagePool}, as Lotus v1.10.0's {@code MpoolAPI}.
 * {@code MpoolPushMessage} holds a lock per sender (Lotus's {@code MpoolLocker}) around gas
 * estimation, and one lock around nonce assignment, signing and the push (Lotus's {@code
 * MessageSigner}), so concurrent pushes from one address get consecutive nonces. Refusals by the
 * pool answer with Lotus's error text: the detail, then the messagepool error it wraps.
 */
public final class MpoolApi {
  /** Lotus's {@code api.MessageSendSpec}. */
  public record MessageSendSpec(@JsonProperty("MaxFee") TokenAmount maxFee) {}

  /** Lotus's {@code api.MpoolUpdate}: Type 0 is an add, 1 a remove. */
  public record MpoolUpdateJson(
      @JsonProperty("Type") int type, @JsonProperty("Message") SignedMessage message) {
    static MpoolUpdateJson of(MpoolUpdate u) {
      return new MpoolUpdateJson(u.type() == MpoolUpdate.Type.ADD ? 0 : 1, u.message());
    }
  }

  private static final JavaType SIGNED_MESSAGES =
      Params.type(new TypeReference<List<SignedMessage>>() {});
  private static final JavaType MESSAGES =
      Params.type(new TypeReference<List<UnsignedMessage>>() {});
  private static final JavaType SEND_SPEC = Params.type(new TypeReference<MessageSendSpec>() {});
  private static final ObjectMapper JSON = LotusJson.objectMapper();

  private final MessagePool pool;
  private final Wallet wallet;
  private final MessageGasEstimator estimator;
  private final ChainView view;
  private final ConcurrentHashMap<Address, ReentrantLock> pushLocks = new ConcurrentHashMap<>();
  private final Object signerLock = new Object();
  private volatile Consumer<MpoolConfig> configSaver = c -> {};

  public MpoolApi(MessagePool pool, Wallet wallet, MessageGasEstimator estimator, ChainView view) {
    this.pool = pool;
    this.wallet = wallet;
    this.estimator = estimator;
    this.view = view;
  }

  /** Persists each config {@code MpoolSetConfig} applies (e.g. {@code NodeMpool::saveConfig}). */
  public MpoolApi persistConfigWith(Consumer<MpoolConfig> saver) {
    this.configSaver = saver;
    return this;
  }

  /** Registers the methods on {@code r}. */
  public void register(MethodRegistry r) {
    r.register(
        "Filecoin.MpoolPush",
        Permission.WRITE,
        Params.of(SignedMessage.class),
        (ctx, a) -> push(required(a.get(0, SignedMessage.class)), false));
    r.register(
        "Filecoin.MpoolPushUntrusted",
        Permission.WRITE,
        Params.of(SignedMessage.class),
        (ctx, a) -> push(required(a.get(0, SignedMessage.class)), true));
    r.register(
        "Filecoin.MpoolPushMessage",
        Permission.SIGN,
        Params.of(UnsignedMessage.class, MessageSendSpec.class),
        (ctx, a) -> pushMessage(a.get(0, UnsignedMessage.class), a.get(1, MessageSendSpec.class)));
    r.register(
        "Filecoin.MpoolBatchPush",
        Permission.WRITE,
        Params.of(SIGNED_MESSAGES),
        (ctx, a) -> batchPush(signedList(a.get(0, List.class)), false));
    r.register(
        "Filecoin.MpoolBatchPushUntrusted",
        Permission.WRITE,
        Params.of(SIGNED_MESSAGES),
        (ctx, a) -> batchPush(signedList(a.get(0, List.class)), true));
    r.register(
        "Filecoin.MpoolBatchPushMessage",
        Permission.SIGN,
        Params.of(MESSAGES, SEND_SPEC),
        (ctx, a) -> {
          List<SignedMessage> out = new ArrayList<>();
          for (Object m : listOrEmpty(a.get(0, List.class))) {
            // As Lotus: stops at the first failure, whose error is the answer.
            out.add(pushMessage((UnsignedMessage) m, a.get(1, MessageSendSpec.class)));
          }
          return out;
        });
    r.register(
        "Filecoin.MpoolGetNonce",
        Permission.READ,
        Params.of(Address.class),
        (ctx, a) -> {
          Address addr = a.get(0, Address.class);
          if (addr == null) {
            throw new RpcException("no address given");
          }
          try {
            return pool.getNonce(addr);
          } catch (MpoolException e) {
            throw new RpcException(lotusError(e));
          }
        });
    r.register(
        "Filecoin.MpoolPending",
        Permission.READ,
        Params.of(TipSetKey.class),
        (ctx, a) -> pending(a.get(0, TipSetKey.class)));
    r.register(
        "Filecoin.MpoolSelect",
        Permission.READ,
        Params.of(TipSetKey.class, Double.class),
        (ctx, a) -> {
          // The ticket quality only switches Lotus between its two selections; filnode has one.
          TipSet ts = view.tipSet(a.get(0, TipSetKey.class));
          try {
            return new MessageSelector(pool).selectMessages(ts);
          } catch (MpoolException e) {
            throw new RpcException(lotusError(e));
          }
        });
    r.registerChannel(
        "Filecoin.MpoolSub",
        Permission.READ,
        Params.none(),
        (ctx, a, out) -> {
          Consumer<MpoolUpdate> listener = u -> out.send(MpoolUpdateJson.of(u));
          pool.subscribe(listener);
          out.onCancel(() -> pool.unsubscribe(listener));
        });
    r.register(
        "Filecoin.MpoolGetConfig",
        Permission.READ,
        Params.none(),
        (ctx, a) -> MpoolConfigJson.of(pool.config()));
    r.register(
        "Filecoin.MpoolSetConfig",
        Permission.ADMIN,
        Params.of(MpoolConfigJson.class),
        (ctx, a) -> {
          MpoolConfigJson cfg = a.get(0, MpoolConfigJson.class);
          if (cfg == null) {
            throw new RpcException("no config given");
          }
          MpoolConfig c = cfg.toConfig();
          try {
            pool.setConfig(c);
          } catch (IllegalArgumentException e) {
            throw new RpcException(e.getMessage());
          }
          configSaver.accept(c);
          return null;
        });
    r.register(
        "Filecoin.MpoolClear",
        Permission.WRITE,
        Params.of(Boolean.class),
        (ctx, a) -> {
          pool.clear(Boolean.TRUE.equals(a.get(0, Boolean.class)));
          return null;
        });
  }

  private Cid push(SignedMessage m, boolean untrusted) throws RpcException {
    try {
      return untrusted ? pool.pushUntrusted(m) : pool.push(m);
    } catch (MpoolException e) {
      throw new RpcException(lotusError(e));
    }
  }

  private List<Cid> batchPush(List<SignedMessage> msgs, boolean untrusted) throws RpcException {
    List<Cid> out = new ArrayList<>();
    for (SignedMessage m : msgs) {
      // As Lotus: stops at the first refusal, whose error is the answer.
      out.add(push(required(m), untrusted));
    }
    return out;
  }

  /**
   * Lotus's {@code MpoolPushMessage}: gas estimated for a message whose nonce is still 0, checked
   * against the sender's balance, then given the sender's next nonce, signed by the wallet and
   * pushed as a local message. Also the node's own way to send (e.g. WindowPoSt submissions).
   *
   * @param spec the max fee; null for the node's default
   */
  public SignedMessage pushMessage(UnsignedMessage in, MessageSendSpec spec) throws RpcException {
    if (in == null) {
      throw new RpcException("no message given");
    }
    TipSet head = view.head();
    Address fromKey;
    try {
      fromKey = view.accountKey(view.parentState(head), in.from());
    } catch (RpcException e) {
      throw new RpcException("getting key address: " + e.getMessage());
    }
    ReentrantLock lock = pushLocks.computeIfAbsent(fromKey, k -> new ReentrantLock());
    lock.lock();
    try {
      if (in.nonce() != 0) {
        throw new RpcException(
            "MpoolPushMessage expects message nonce to be 0, was "
                + Long.toUnsignedString(in.nonce()));
      }
      TokenAmount maxFee = spec == null ? null : spec.maxFee();
      UnsignedMessage msg;
      try {
        // A MaxFee of 0 means the node's default, as in Lotus; the estimator takes null for that.
        msg =
            estimator.estimateMessageGas(
                in, maxFee == null || maxFee.isZero() ? null : maxFee, head);
      } catch (RpcException e) {
        throw new RpcException("GasEstimateMessageGas error: " + e.getMessage());
      }
      if (msg.gasPremium().compareTo(msg.gasFeeCap()) > 0) {
        throw new RpcException(
            "After estimation, GasPremium is greater than GasFeeCap, inmsg: "
                + json(in)
                + ", outmsg: "
                + json(msg));
      }
      if (msg.from().isId()) {
        msg = with(msg, fromKey, msg.nonce());
      }
      Actor sender = ChainView.actorOrNull(view.parentState(head), msg.from());
      TokenAmount balance = sender == null ? TokenAmount.ZERO : sender.balance();
      if (balance.compareTo(msg.value()) < 0) {
        throw new RpcException(
            "mpool push: not enough funds: "
                + balance.toAttoString()
                + " < "
                + msg.value().toAttoString());
      }
      return signAndPush(msg);
    } finally {
      lock.unlock();
    }
  }

  private SignedMessage signAndPush(UnsignedMessage msg) throws RpcException {
    synchronized (signerLock) {
      long nonce;
      try {
        nonce = pool.getNonce(msg.from());
      } catch (MpoolException e) {
        throw new RpcException(
            "failed to create nonce: failed to get nonce from mempool: " + lotusError(e));
      }
      UnsignedMessage withNonce = with(msg, msg.from(), nonce);
      Signature sig;
      try {
        sig = wallet.sign(withNonce.from(), withNonce.cid().bytes());
      } catch (WalletException e) {
        throw new RpcException("failed to sign message: " + e.getMessage());
      }
      SignedMessage signed = new SignedMessage(withNonce, sig);
      try {
        pool.push(signed);
      } catch (MpoolException e) {
        throw new RpcException("mpool push: failed to push message: " + lotusError(e));
      }
      return signed;
    }
  }

  /**
   * Lotus's {@code MpoolPending}: the pool's messages; when {@code key} names a tipset at or above
   * the pool's head, also the messages of the tipsets between them (the pool has not caught up to
   * them yet), without duplicates.
   */
  List<SignedMessage> pending(TipSetKey key) throws RpcException {
    TipSet ts = view.tipSet(key);
    List<SignedMessage> pending;
    TipSet poolHead;
    synchronized (pool) {
      pending = new ArrayList<>(pool.pending());
      poolHead = pool.head();
    }
    Set<Cid> have = new HashSet<>();
    for (SignedMessage m : pending) {
      have.add(m.cid());
    }
    if (poolHead.height() > ts.height()) {
      return pending;
    }
    while (true) {
      if (poolHead.height() == ts.height()) {
        if (poolHead.equals(ts)) {
          return pending;
        }
        // A sibling of the pool's head: its messages count as known, as in Lotus.
        for (SignedMessage m : blockMessages(ts)) {
          have.add(m.cid());
        }
      }
      for (SignedMessage m : blockMessages(ts)) {
        if (have.add(m.cid())) {
          pending.add(m);
        }
      }
      if (poolHead.height() >= ts.height()) {
        return pending;
      }
      try {
        ts = view.chain().loadTipSet(ts.parents());
      } catch (ChainStoreException e) {
        throw new RpcException("loading parent tipset: " + e.getMessage());
      }
    }
  }

  private List<SignedMessage> blockMessages(TipSet ts) throws RpcException {
    try {
      return pool.messagesForBlocks(ts.blocks());
    } catch (MpoolException e) {
      throw new RpcException("getting messages for base ts: " + e.getMessage());
    }
  }

  /**
   * The error text Lotus answers for a refusal: the detail, then the messagepool sentinel it wraps
   * (some sentinels Lotus returns bare; syntax and signature errors carry their own text).
   */
  static String lotusError(MpoolException e) {
    String detail = e.getMessage();
    return switch (e.reason()) {
      case MESSAGE_TOO_BIG -> detail + ": message too big";
      case VALUE_TOO_HIGH -> "cannot send more filecoin than will ever exist";
      case GAS_FEE_CAP_TOO_LOW -> "gas fee cap too low";
      case INVALID_TO_ADDRESS -> "message had invalid to address";
      case TOO_MANY_PENDING_MESSAGES -> "too many pending messages for actor";
      case NONCE_TOO_LOW -> detail + ": message nonce too low";
      case NOT_ENOUGH_FUNDS -> detail + ": not enough funds to execute transaction";
      case REPLACE_BY_FEE_PREMIUM_TOO_LOW -> detail + ": replace by fee has too low GasPremium";
      case NONCE_GAP -> detail + ": unfulfilled nonce gap";
      case SOFT_VALIDATION_FAILURE -> detail + ": validation failure";
      case INVALID_MESSAGE, BAD_SIGNATURE -> detail;
    };
  }

  private static UnsignedMessage with(UnsignedMessage m, Address from, long nonce) {
    return new UnsignedMessage(
        m.version(),
        m.to(),
        from,
        nonce,
        m.value(),
        m.gasLimit(),
        m.gasFeeCap(),
        m.gasPremium(),
        m.method(),
        m.params());
  }

  private static String json(UnsignedMessage m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      return String.valueOf(m);
    }
  }

  private static SignedMessage required(SignedMessage m) throws RpcException {
    if (m == null) {
      throw new RpcException("no message given");
    }
    return m;
  }

  private static List<?> listOrEmpty(List<?> l) {
    return l == null ? List.of() : l;
  }

  @SuppressWarnings("unchecked")
  private static List<SignedMessage> signedList(List<?> l) {
    return (List<SignedMessage>) listOrEmpty(l);
  }
}
