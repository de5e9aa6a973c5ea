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
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.daemon.NodeApis;
import io.filnode.node.daemon.TestNode;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;
import io.filnode.rpc.auth.Jwt;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handlers the node registers, called directly on the mainnet genesis in memory, and the
 * registered set checked against Lotus v1.10.0's API reference (docs/rpc.md: RpcCoverageTest).
 */
class NodeApiTest {
  private static final CallContext ADMIN =
      new CallContext(List.of("read", "write", "sign", "admin"));

  @TempDir Path tmp;
  private MethodRegistry registry;
  private MethodRegistry registryV0;
  private TipSet genesis;
  private MemoryBlockstore blocks;

  @BeforeEach
  void setUp() throws Exception {
    blocks = new MemoryBlockstore();
    Path car = SharedData.require("genesis/mainnet.car.zst");
    CarImporter.Result res = CarImporter.importCar(CarImporter.Source.of(car), blocks, null);
    ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
    chain.setGenesis(chain.getBlock(res.roots().get(0)));
    genesis = chain.head();
    Wallet wallet =
        new Wallet(FsKeyStore.open(tmp.resolve("keystore"), Optional.empty()), new SecureRandom());
    NodeApis apis = TestNode.apis(chain, wallet, new CommonApi("test", 30, () -> {}));
    registry = apis.registry(new Jwt(new byte[32]), UUID.randomUUID(), false);
    registryV0 = apis.registry(new Jwt(new byte[32]), UUID.randomUUID(), true);
  }

  private Object call(String method, Object... args) throws RpcException {
    RpcMethod m = registry.get("Filecoin." + method);
    assertThat(m).as(method).isNotNull();
    return m.handler().call(ADMIN, new Args(args));
  }

  /** Lotus's v1 or v0 reference: name → "perm/paramCount". */
  private static TreeMap<String, String> reference(String api) throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(SharedData.require("rpc/lotus-v1.10.0-api-" + api + ".json").toFile());
    TreeMap<String, String> out = new TreeMap<>();
    for (JsonNode m : root.get("methods")) {
      JsonNode p = m.get("params");
      out.put(
          "Filecoin." + m.get("name").asText(),
          m.get("perm").asText() + "/" + (p.isNull() ? 0 : p.size()));
    }
    return out;
  }

  @Test
  void registeredMethodsHaveLotusPermissionsAndParamCounts() throws Exception {
    for (String api : List.of("v1", "v0")) {
      TreeMap<String, String> ref = reference(api);
      MethodRegistry r = api.equals("v0") ? registryV0 : registry;
      for (RpcMethod m : r.all()) {
        assertThat(ref).as(api).containsKey(m.name());
        assertThat(m.permission().lotusName() + "/" + m.params().count())
            .as(api + " " + m.name())
            .isEqualTo(ref.get(m.name()));
      }
    }
  }

  /** Stores a block on {@code parent} at {@code height} and returns it. */
  private BlockHeader block(TipSet parent, long height, Cid messages, Cid receipts) {
    BlockHeader g = genesis.blocks().get(0);
    BlockHeader b =
        new BlockHeader(
            Address.newId(1000),
            new Ticket(new byte[] {(byte) height}),
            null,
            List.of(),
            List.of(),
            parent.cids(),
            BigInteger.ZERO,
            height,
            g.parentStateRoot(),
            receipts,
            messages,
            null,
            g.timestamp() + 30 * height,
            null,
            0,
            g.parentBaseFee());
    blocks.put(b.cid(), b.toCbor());
    return b;
  }

  private Cid amtOf(List<? extends CborEncodable> values) throws Exception {
    IpldStore store = new IpldStore(blocks);
    Amt amt = Amt.create(store, AmtOptions.v2());
    for (int i = 0; i < values.size(); i++) {
      amt.set(i, values.get(i));
    }
    return amt.flush();
  }

  @Test
  void parentMessagesAndReceiptsFollowTheParentTipSet() throws Exception {
    byte[] key = new byte[32];
    key[31] = 9;
    Address from = Signer.address(SignatureType.SECP256K1, key);
    List<SignedMessage> msgs = new ArrayList<>();
    for (long nonce : new long[] {0, 1, 1}) { // the second nonce 1 repeats: not applied twice
      msgs.add(
          Signer.signMessage(
              SignatureType.SECP256K1,
              key,
              new UnsignedMessage(
                  0,
                  Address.newId(100),
                  from,
                  nonce,
                  TokenAmount.ofAtto(nonce == 1 && msgs.size() == 2 ? 7 : 1),
                  1_000_000,
                  TokenAmount.ofAtto(200),
                  TokenAmount.ofAtto(100),
                  0,
                  new byte[0])));
    }
    List<CborEncodable> secpCids = new ArrayList<>();
    for (SignedMessage m : msgs) {
      blocks.put(m.cid(), m.toCbor());
      secpCids.add(w -> w.writeCid(m.cid()));
    }
    MsgMeta meta = new MsgMeta(amtOf(List.of()), amtOf(secpCids));
    blocks.put(meta.cid(), meta.toCbor());
    BlockHeader b1 = block(genesis, 1, meta.cid(), genesis.blocks().get(0).parentMessageReceipts());
    List<MessageReceipt> receipts =
        List.of(new MessageReceipt(0, new byte[0], 500), new MessageReceipt(6, new byte[0], 700));
    BlockHeader b2 = block(TipSet.of(b1), 2, meta.cid(), amtOf(receipts));

    @SuppressWarnings("unchecked")
    List<ChainApi.ApiMessage> parents =
        (List<ChainApi.ApiMessage>) call("ChainGetParentMessages", b2.cid());
    assertThat(parents)
        .extracting(ChainApi.ApiMessage::cid)
        .containsExactly(msgs.get(0).cid(), msgs.get(1).cid());
    assertThat(parents.get(1).message()).isEqualTo(msgs.get(1).message());
    assertThat(call("ChainGetParentReceipts", b2.cid())).isEqualTo(receipts);
    assertThat(call("ChainGetParentMessages", genesis.cids().get(0))).isNull();
  }

  @Test
  void genesisBlockHasNoMessages() throws Exception {
    ChainApi.BlockMessages bm =
        (ChainApi.BlockMessages) call("ChainGetBlockMessages", genesis.cids().get(0));
    assertThat(bm.blsMessages()).isEmpty();
    assertThat(bm.secpkMessages()).isEmpty();
    assertThat(bm.cids()).isEmpty();
  }

  @Test
  void genesisWeightIsLog2OfTheGenesisPowerTimes256() throws Exception {
    String w = (String) call("ChainTipSetWeight", genesis.key());
    // no wins in the genesis block: weight = parent weight (0) + 256·floor(log2 P)
    BigInteger weight = new BigInteger(w);
    assertThat(weight.signum()).isPositive();
    assertThat(weight.mod(BigInteger.valueOf(256))).isEqualTo(BigInteger.ZERO);
  }

  @Test
  void readObjAnswersTheStoredBytesAndMissingObjectsFail() throws Exception {
    Cid g = genesis.cids().get(0);
    byte[] raw = (byte[]) call("ChainReadObj", g);
    assertThat(Cid.ofDagCbor(raw)).isEqualTo(g);
    Cid missing = Cid.ofDagCbor("not in the genesis".getBytes(StandardCharsets.UTF_8));
    assertThat(call("ChainHasObj", missing)).isEqualTo(false);
    assertThatThrownBy(() -> call("ChainReadObj", missing))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("could not find");
  }

  @Test
  void statObjCountsDistinctBlocksAndSubtractsTheBase() throws Exception {
    Cid root = genesis.blocks().get(0).parentStateRoot();
    ChainApi.ObjStat state = (ChainApi.ObjStat) call("ChainStatObj", root, null);
    byte[] rootBytes = (byte[]) call("ChainReadObj", root);
    assertThat(state.links()).isGreaterThan(37);
    assertThat(state.size()).isGreaterThan(rootBytes.length);
    // the genesis block links to the state root: its stat is the state's plus its own block
    Cid g = genesis.cids().get(0);
    ChainApi.ObjStat block = (ChainApi.ObjStat) call("ChainStatObj", g, root);
    ChainApi.ObjStat whole = (ChainApi.ObjStat) call("ChainStatObj", g, null);
    assertThat(whole.links() - block.links()).isEqualTo(state.links());
    assertThat(whole.size() - block.size()).isEqualTo(state.size());
    assertThat(call("ChainStatObj", root, root)).isEqualTo(new ChainApi.ObjStat(0, 0));
  }

  @Test
  void chainGetPathBetweenEqualTipSetsIsEmpty() throws Exception {
    assertThat((List<?>) call("ChainGetPath", genesis.key(), genesis.key())).isEmpty();
  }

  @Test
  void stateLookupsOnGenesis() throws Exception {
    assertThat(call("StateNetworkName")).isEqualTo("testnetnet");
    assertThat(call("StateNetworkVersion", (Object) null)).isEqualTo(0);
    // as Lotus, an ID address resolves to itself; an unknown key address does not resolve
    assertThat(call("StateLookupID", Address.newId(123_456), null))
        .isEqualTo(Address.newId(123_456));
    Address unknown = Address.newActor(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> call("StateLookupID", unknown, null))
        .hasMessageContaining("actor not found");
    assertThatThrownBy(() -> call("StateGetActor", Address.newId(123_456), null))
        .hasMessage("actor not found");
    // the system actor is no account: it has no key address
    assertThatThrownBy(() -> call("StateAccountKey", Address.newId(0), null))
        .isInstanceOf(RpcException.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void walletLifecycle() throws Exception {
    assertThat(call("WalletDefaultAddress")).isEqualTo("<empty>");
    Address a = (Address) call("WalletNew", new ObjectMapper().readTree("\"secp256k1\""));
    Address b = (Address) call("WalletNew", new ObjectMapper().readTree("\"bls\""));
    assertThat(call("WalletDefaultAddress")).isEqualTo(a);
    call("WalletSetDefault", b);
    assertThat(call("WalletDefaultAddress")).isEqualTo(b);
    assertThat(call("WalletBalance", a)).isEqualTo(TokenAmount.ZERO);

    JsonNode exported = (JsonNode) call("WalletExport", b);
    assertThat(exported.get("Type").asText()).isEqualTo("bls");
    call("WalletDelete", b);
    assertThat(call("WalletHas", b)).isEqualTo(false);
    assertThat(call("WalletDefaultAddress")).isEqualTo("<empty>");
    assertThat(call("WalletImport", exported)).isEqualTo(b);
    assertThat((List<Object>) call("WalletList")).containsExactlyInAnyOrder(a, b);

    byte[] data = "data".getBytes(StandardCharsets.UTF_8);
    Signature sig = (Signature) call("WalletSign", a, data);
    assertThat(call("WalletVerify", a, data, sig)).isEqualTo(true);
    assertThat(call("WalletVerify", b, data, sig)).isEqualTo(false);
    assertThatThrownBy(() -> call("WalletSign", Address.newId(123_456), data))
        .isInstanceOf(RpcException.class);
    assertThatThrownBy(() -> call("WalletNew", new ObjectMapper().readTree("\"rsa\"")))
        .isInstanceOf(RpcException.class);
    assertThat(call("WalletValidateAddress", a.toString())).isEqualTo(a);
    assertThatThrownBy(() -> call("WalletValidateAddress", "f9xyz"))
        .isInstanceOf(RpcException.class);
  }
}
