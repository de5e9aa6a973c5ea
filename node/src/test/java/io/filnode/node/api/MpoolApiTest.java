package io.filnode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MpoolConfig;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.mpool.MemoryMpoolProvider;
import io.filnode.node.mpool.MpoolConfigJson;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.OutChannel;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;
import io.filnode.rpc.json.LotusJson;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mpool methods over a real pool on the mainnet genesis, with actors from memory, a real wallet
 * on a temporary keystore and a stub gas estimator.
 */
class MpoolApiTest {
  private static final CallContext ADMIN =
      new CallContext(List.of("read", "write", "sign", "admin"));
  private static final Address TO = Address.newId(1234);
  private static final ObjectMapper JSON = LotusJson.objectMapper();

  @TempDir Path tmp;
  private MemoryBlockstore blocks;
  private ChainStore chain;
  private TipSet genesis;
  private MemoryMpoolProvider provider;
  private MemoryMpoolProvider.MemoryLocalStore store;
  private MessagePool pool;
  private Wallet wallet;
  private Address a;
  private MethodRegistry registry;
  private final List<MpoolConfig> saved = new ArrayList<>();
  private final AtomicReference<RpcException> estimatorFailure = new AtomicReference<>();
  private ExecutorService executor;

  @BeforeEach
  void setUp() throws Exception {
    blocks = new MemoryBlockstore();
    Path car = SharedData.require("genesis/mainnet.car.zst");
    CarImporter.Result res = CarImporter.importCar(CarImporter.Source.of(car), blocks, null);
    chain = new ChainStore(blocks, new MemoryChainMetadata());
    chain.setGenesis(chain.getBlock(res.roots().get(0)));
    genesis = chain.head();
    provider = new MemoryMpoolProvider(chain);
    store = new MemoryMpoolProvider.MemoryLocalStore();
    pool = new MessagePool(provider, store, MpoolConfig.defaults(), genesis, () -> 0L);
    wallet =
        new Wallet(FsKeyStore.open(tmp.resolve("keystore"), Optional.empty()), new SecureRandom());
    a = wallet.newKey(SignatureType.SECP256K1);
    provider.setActor(a, 0, TokenAmount.ofFil(100));
    MessageGasEstimator stub =
        (m, maxFee, ts) -> {
          if (estimatorFailure.get() != null) {
            throw estimatorFailure.get();
          }
          return new UnsignedMessage(
              m.version(),
              m.to(),
              m.from(),
              m.nonce(),
              m.value(),
              m.gasLimit() == 0 ? 1_000_000 : m.gasLimit(),
              m.gasFeeCap().isZero() ? TokenAmount.ofAtto(2_000_000) : m.gasFeeCap(),
              m.gasPremium().isZero() ? TokenAmount.ofAtto(1000) : m.gasPremium(),
              m.method(),
              m.params());
        };
    registry = new MethodRegistry();
    new MpoolApi(pool, wallet, stub, new ChainView(chain))
        .persistConfigWith(saved::add)
        .register(registry);
  }

  @AfterEach
  void tearDown() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private Object call(String method, Object... args) throws RpcException {
    RpcMethod m = registry.get("Filecoin." + method);
    assertThat(m).as(method).isNotNull();
    return m.handler().call(ADMIN, new Args(args));
  }

  private static UnsignedMessage unsigned(Address from, long nonce, long premium, long value) {
    return new UnsignedMessage(
        0,
        TO,
        from,
        nonce,
        TokenAmount.ofAtto(value),
        1_000_000,
        // above the genesis base fee / 100, so that the pool publishes and accepts from the network
        TokenAmount.ofAtto(premium + 2_000_000),
        TokenAmount.ofAtto(premium),
        0,
        new byte[0]);
  }

  private SignedMessage signed(Address from, long nonce, long premium) throws Exception {
    UnsignedMessage m = unsigned(from, nonce, premium, 1);
    return new SignedMessage(m, wallet.sign(from, m.cid().bytes()));
  }

  @SuppressWarnings("unchecked")
  private List<SignedMessage> pending(TipSetKey key) throws RpcException {
    return (List<SignedMessage>) call("MpoolPending", key);
  }

  @Test
  void registersEveryLotusMpoolMethodWithItsPermissionAndParams() throws Exception {
    for (String api : List.of("v1", "v0")) {
      JsonNode root =
          new ObjectMapper()
              .readTree(SharedData.require("rpc/lotus-v1.10.0-api-" + api + ".json").toFile());
      TreeMap<String, String> ref = new TreeMap<>();
      for (JsonNode m : root.get("methods")) {
        if (m.get("group").asText().equals("Mpool")) {
          JsonNode p = m.get("params");
          ref.put(
              "Filecoin." + m.get("name").asText(),
              m.get("perm").asText() + "/" + (p.isNull() ? 0 : p.size()));
        }
      }
      TreeMap<String, String> ours = new TreeMap<>();
      for (RpcMethod m : registry.all()) {
        ours.put(m.name(), m.permission().lotusName() + "/" + m.params().count());
      }
      assertThat(ours).as(api).isEqualTo(ref);
    }
    assertThat(registry.get("Filecoin.MpoolSub").isChannel()).isTrue();
  }

  @Test
  void nullOrEmptyParamsGetAnAnswerOrAnRpcErrorNeverACrash() throws Exception {
    List<Object> nullsInLists = new ArrayList<>();
    nullsInLists.add(null);
    for (RpcMethod m : registry.all()) {
      if (m.isChannel()) {
        continue;
      }
      for (Object fill : new Object[] {null, nullsInLists}) {
        Object[] args = new Object[m.params().count()];
        for (int i = 0; i < args.length; i++) {
          args[i] = m.params().types().get(i).isCollectionLikeType() ? fill : null;
        }
        try {
          m.handler().call(ADMIN, new Args(args));
        } catch (RpcException e) {
          assertThat(e.getMessage()).as(m.name()).isNotBlank();
        }
      }
    }
  }

  @Test
  void pushedMessagesArePendingPublishedAndAdvanceTheNonce() throws Exception {
    SignedMessage m0 = signed(a, 0, 100);
    SignedMessage m1 = signed(a, 1, 100);
    assertThat(call("MpoolPush", m0)).isEqualTo(m0.cid());
    assertThat(call("MpoolPushUntrusted", m1)).isEqualTo(m1.cid());
    assertThat(call("MpoolGetNonce", a)).isEqualTo(2L);
    assertThat(pending(TipSetKey.EMPTY)).containsExactly(m0, m1);
    assertThat(pending(null)).containsExactly(m0, m1);
    assertThat(provider.published).hasSize(2);
    assertThat(store.messages).containsOnlyKeys(m0.cid(), m1.cid());
  }

  @Test
  void refusalsAnswerWithLotusErrorText() throws Exception {
    provider.setActor(a, 5, TokenAmount.ofFil(100));
    assertThatThrownBy(() -> call("MpoolPush", signed(a, 0, 100)))
        .isInstanceOf(RpcException.class)
        .hasMessage("minimum expected nonce is 5: message nonce too low");
    call("MpoolPush", signed(a, 5, 100));
    assertThatThrownBy(() -> call("MpoolPush", signed(a, 5, 125)))
        .hasMessageContaining("already in mpool, increase GasPremium to 126 from 125")
        .hasMessageEndingWith(": replace by fee has too low GasPremium");
    UnsignedMessage m = unsigned(a, 6, 100, 1);
    SignedMessage badSig =
        new SignedMessage(m, wallet.sign(a, unsigned(a, 6, 100, 2).cid().bytes()));
    assertThatThrownBy(() -> call("MpoolPush", badSig))
        .hasMessageContaining("signature verification failed");
    // the pool counts gas (fee cap × limit) against the balance, as Lotus, not the value
    provider.setActor(a, 5, TokenAmount.ofAtto(1000));
    SignedMessage poorSigned = signed(a, 6, 100);
    assertThatThrownBy(() -> call("MpoolPush", poorSigned))
        .hasMessageStartingWith("not enough funds (required: ")
        .hasMessageEndingWith(": not enough funds to execute transaction");
    assertThatThrownBy(() -> call("MpoolPush", (Object) null)).hasMessage("no message given");
  }

  @Test
  void replaceByFeeTakesMoreThanA25PercentHigherPremium() throws Exception {
    call("MpoolPush", signed(a, 0, 100));
    SignedMessage replacement = signed(a, 0, 126);
    call("MpoolPush", replacement);
    assertThat(pending(TipSetKey.EMPTY)).containsExactly(replacement);
    assertThat(call("MpoolGetNonce", a)).isEqualTo(1L);
  }

  @Test
  void batchPushStopsAtTheFirstRefusal() throws Exception {
    SignedMessage m0 = signed(a, 0, 100);
    SignedMessage m1 = signed(a, 1, 100);
    assertThat(call("MpoolBatchPush", List.of(m0, m1))).isEqualTo(List.of(m0.cid(), m1.cid()));
    assertThatThrownBy(
            () -> call("MpoolBatchPushUntrusted", List.of(signed(a, 2, 100), signed(a, 0, 110))))
        .hasMessageContaining("replace by fee has too low GasPremium");
    assertThat(call("MpoolGetNonce", a)).isEqualTo(3L);
  }

  @Test
  void pushMessageFillsGasNonceAndSignature() throws Exception {
    call("MpoolPush", signed(a, 0, 100));
    UnsignedMessage in =
        new UnsignedMessage(
            0, TO, a, 0, TokenAmount.ZERO, 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, new byte[0]);
    SignedMessage out =
        (SignedMessage)
            call("MpoolPushMessage", in, new MpoolApi.MessageSendSpec(TokenAmount.ZERO));
    assertThat(out.message().nonce()).isEqualTo(1);
    assertThat(out.message().gasLimit()).isEqualTo(1_000_000);
    assertThat(out.message().gasPremium()).isEqualTo(TokenAmount.ofAtto(1000));
    assertThat(pending(TipSetKey.EMPTY)).contains(out);
    @SuppressWarnings("unchecked")
    List<SignedMessage> batch =
        (List<SignedMessage>) call("MpoolBatchPushMessage", List.of(in, in), null);
    assertThat(batch).extracting(s -> s.message().nonce()).containsExactly(2L, 3L);
  }

  @Test
  void concurrentPushMessagesGetConsecutiveNonces() throws Exception {
    executor = Executors.newFixedThreadPool(4);
    UnsignedMessage in =
        new UnsignedMessage(
            0, TO, a, 0, TokenAmount.ZERO, 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, new byte[0]);
    List<Future<Object>> futures = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      futures.add(executor.submit(() -> call("MpoolPushMessage", in, null)));
    }
    List<Long> nonces = new ArrayList<>();
    for (Future<Object> f : futures) {
      nonces.add(((SignedMessage) f.get()).message().nonce());
    }
    assertThat(nonces)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.LongStream.range(0, 16).boxed().toList());
    assertThat(pending(TipSetKey.EMPTY)).hasSize(16);
  }

  @Test
  void pushMessageErrorsAreLotus() throws Exception {
    UnsignedMessage withNonce =
        new UnsignedMessage(
            0, TO, a, 3, TokenAmount.ZERO, 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, new byte[0]);
    assertThatThrownBy(() -> call("MpoolPushMessage", withNonce, null))
        .hasMessage("MpoolPushMessage expects message nonce to be 0, was 3");
    // the genesis state does not know the test key: its balance is 0
    UnsignedMessage rich =
        new UnsignedMessage(
            0, TO, a, 0, TokenAmount.ofAtto(5), 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, null);
    assertThatThrownBy(() -> call("MpoolPushMessage", rich, null))
        .hasMessage("mpool push: not enough funds: 0 < 5");
    UnsignedMessage inverted =
        new UnsignedMessage(
            0, TO, a, 0, TokenAmount.ZERO, 0, TokenAmount.ofAtto(500), TokenAmount.ZERO, 0, null);
    assertThatThrownBy(() -> call("MpoolPushMessage", inverted, null))
        .hasMessageStartingWith("After estimation, GasPremium is greater than GasFeeCap, inmsg: {");
    estimatorFailure.set(new RpcException("out of gas"));
    UnsignedMessage plain =
        new UnsignedMessage(
            0, TO, a, 0, TokenAmount.ZERO, 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, null);
    assertThatThrownBy(() -> call("MpoolPushMessage", plain, null))
        .hasMessage("GasEstimateMessageGas error: out of gas");
    Address stranger = Address.newId(987_654);
    UnsignedMessage fromUnknown =
        new UnsignedMessage(
            0, TO, stranger, 0, TokenAmount.ZERO, 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, null);
    assertThatThrownBy(() -> call("MpoolPushMessage", fromUnknown, null))
        .hasMessageStartingWith("getting key address: ");
    assertThat(pending(TipSetKey.EMPTY)).isEmpty();
  }

  @Test
  void selectTakesThePendingMessagesInNonceOrder() throws Exception {
    SignedMessage m0 = signed(a, 0, 100);
    SignedMessage m1 = signed(a, 1, 100);
    call("MpoolPush", m1);
    call("MpoolPush", m0);
    assertThat(call("MpoolSelect", TipSetKey.EMPTY, 0.8)).isEqualTo(List.of(m0, m1));
  }

  @Test
  void clearKeepsLocalMessagesUnlessAsked() throws Exception {
    Address b = wallet.newKey(SignatureType.SECP256K1);
    provider.setActor(b, 0, TokenAmount.ofFil(100));
    SignedMessage local = signed(a, 0, 100);
    call("MpoolPush", local);
    SignedMessage remote = signed(b, 0, 100);
    pool.add(remote); // as if from gossip
    assertThat(pending(TipSetKey.EMPTY)).hasSize(2);
    call("MpoolClear", false);
    assertThat(pending(TipSetKey.EMPTY)).containsExactly(local);
    call("MpoolClear", true);
    assertThat(pending(TipSetKey.EMPTY)).isEmpty();
    assertThat(store.messages).isEmpty();
  }

  @Test
  void configRoundTripsAsLotusJsonAndIsPersisted() throws Exception {
    JsonNode json = JSON.valueToTree(call("MpoolGetConfig"));
    assertThat(json.toString())
        .isEqualTo(
            "{\"PriorityAddrs\":null,\"SizeLimitHigh\":30000,\"SizeLimitLow\":20000,"
                + "\"ReplaceByFeeRatio\":1.25,\"PruneCooldown\":60000000000,"
                + "\"GasLimitOverestimation\":1.25}");
    MpoolConfigJson changed =
        JSON.readValue(
            "{\"PriorityAddrs\":[\""
                + a
                + "\"],\"SizeLimitHigh\":100,\"SizeLimitLow\":50,"
                + "\"ReplaceByFeeRatio\":1.5,\"PruneCooldown\":1000000000,"
                + "\"GasLimitOverestimation\":2}",
            MpoolConfigJson.class);
    call("MpoolSetConfig", changed);
    MpoolConfig c = pool.config();
    assertThat(c.priorityAddrs()).containsExactly(a);
    assertThat(c.sizeLimitHigh()).isEqualTo(100);
    assertThat(c.pruneCooldown()).isEqualTo(Duration.ofSeconds(1));
    assertThat(saved).containsExactly(c);
    assertThat(call("MpoolGetConfig")).isEqualTo(changed);
    MpoolConfigJson bad = new MpoolConfigJson(null, 100, 50, 1.0, 0, 1.25);
    assertThatThrownBy(() -> call("MpoolSetConfig", bad))
        .hasMessage("'ReplaceByFeeRatio' is less than required 1.000000 < 1.250000");
    assertThat(saved).hasSize(1);
  }

  @Test
  void subStreamsAddsAndRemovesUntilCancelled() throws Exception {
    FakeChannel out = new FakeChannel();
    registry.get("Filecoin.MpoolSub").channelHandler().open(ADMIN, new Args(), out);
    SignedMessage m0 = signed(a, 0, 100);
    call("MpoolPush", m0);
    pool.remove(a, 0, true);
    assertThat(out.values)
        .containsExactly(new MpoolApi.MpoolUpdateJson(0, m0), new MpoolApi.MpoolUpdateJson(1, m0));
    JsonNode first = JSON.valueToTree(out.values.get(0));
    assertThat(first.get("Type").asInt()).isZero();
    assertThat(first.get("Message").get("CID").get("/").asText()).isEqualTo(m0.cid().toString());
    out.cancel.run();
    call("MpoolPush", signed(a, 0, 100));
    assertThat(out.values).hasSize(2);
  }

  @Test
  void pendingAtATipSetAheadOfThePoolAddsItsMessages() throws Exception {
    SignedMessage included = signed(a, 0, 100);
    SignedMessage waiting = signed(a, 1, 100);
    call("MpoolPush", included);
    call("MpoolPush", waiting);
    Address c = wallet.newKey(SignatureType.SECP256K1);
    SignedMessage extra = signed(c, 0, 100); // included without passing through this pool
    TipSet ts1 = tipSet(genesis, 1, List.of(included, extra));
    TipSet ts2 = tipSet(ts1, 2, List.of());
    chain.setHead(ts2); // not wired to the pool: the pool is still on the genesis
    SignedMessage other = signed(wallet.newKey(SignatureType.SECP256K1), 0, 100);
    TipSet ts1b = tipSet(genesis, 1, List.of(other));
    assertThat(pending(ts2.key())).containsExactly(included, waiting, extra);
    // the pool's head is at or above the genesis: just the pool
    assertThat(pending(genesis.key())).containsExactly(included, waiting);
    pool.headChange(List.of(), List.of(ts1));
    assertThat(pending(ts2.key())).containsExactly(waiting);
    assertThat(pending(ts1.key())).containsExactly(waiting);
    // a sibling of the pool's head: its messages are treated as known, as Lotus does
    assertThat(pending(ts1b.key())).containsExactly(waiting);
  }

  /** A tipset of one block on {@code parent} holding {@code secp} messages, stored in the chain. */
  private TipSet tipSet(TipSet parent, long height, List<SignedMessage> secp) throws Exception {
    IpldStore ipld = new IpldStore(blocks);
    Amt bls = Amt.create(ipld, AmtOptions.v2());
    Amt sec = Amt.create(ipld, AmtOptions.v2());
    for (int i = 0; i < secp.size(); i++) {
      SignedMessage m = secp.get(i);
      blocks.put(m.cid(), m.toCbor());
      sec.set(i, w -> w.writeCid(m.cid()));
    }
    MsgMeta meta = new MsgMeta(bls.flush(), sec.flush());
    blocks.put(meta.cid(), meta.toCbor());
    BlockHeader g = genesis.blocks().get(0);
    BlockHeader b =
        new BlockHeader(
            Address.newId(1000 + secp.size()),
            new Ticket(new byte[] {(byte) height, (byte) secp.size()}),
            null,
            List.of(),
            List.of(),
            parent.cids(),
            BigInteger.ZERO,
            height,
            g.parentStateRoot(),
            g.parentMessageReceipts(),
            meta.cid(),
            null,
            g.timestamp() + 30 * height,
            null,
            0,
            g.parentBaseFee());
    chain.putBlock(b);
    return TipSet.of(b);
  }

  /** An out channel that records what is sent. */
  private static final class FakeChannel implements OutChannel {
    final List<Object> values = new CopyOnWriteArrayList<>();
    Runnable cancel = () -> {};

    @Override
    public boolean send(Object value) {
      values.add(value);
      return true;
    }

    @Override
    public void close() {}

    @Override
    public boolean isClosed() {
      return false;
    }

    @Override
    public void onCancel(Runnable action) {
      cancel = action;
    }
  }
}
