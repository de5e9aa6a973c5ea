package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Network;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MpoolConfig;
import io.filnode.node.api.ChainView;
import io.filnode.node.api.CommonApi;
import io.filnode.node.api.MessageGasEstimator;
import io.filnode.node.api.MpoolApi;
import io.filnode.node.api.StateApi;
import io.filnode.node.daemon.Daemon;
import io.filnode.node.daemon.NetworkParams;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.mpool.MemoryMpoolProvider;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Permission;
import io.filnode.rpc.auth.Jwt;
import io.filnode.rpc.json.LotusJson;
import io.filnode.rpc.server.RpcServer;
import io.filnode.rpc.server.RpcServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mpool pending|push} and {@code send} against an in-process RPC server serving the wallet
 * and a real pool on the mainnet genesis (actors from memory, a stub gas estimator).
 */
class MpoolCommandTest {
  private static final Address TO = Address.newId(1234);

  @TempDir Path tmp;
  private RpcServer server;
  private Wallet wallet;
  private Address a;
  private String[] conn;

  @BeforeEach
  void setUp() throws Exception {
    MemoryBlockstore blocks = new MemoryBlockstore();
    CarImporter.Result res =
        CarImporter.importCar(
            CarImporter.Source.of(SharedData.require("genesis/mainnet.car.zst")), blocks, null);
    ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
    chain.setGenesis(chain.getBlock(res.roots().get(0)));
    ChainView view = new ChainView(chain);
    wallet =
        new Wallet(FsKeyStore.open(tmp.resolve("keystore"), Optional.empty()), new SecureRandom());
    a = wallet.newKey(SignatureType.SECP256K1);
    wallet.setDefault(a);
    MemoryMpoolProvider provider = new MemoryMpoolProvider(chain);
    provider.setActor(a, 0, TokenAmount.ofFil(10));
    MessagePool pool =
        new MessagePool(
            provider,
            new MemoryMpoolProvider.MemoryLocalStore(),
            MpoolConfig.defaults(),
            chain.head(),
            () -> 0L);
    MessageGasEstimator stub =
        (m, maxFee, ts) ->
            new UnsignedMessage(
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
    Jwt jwt = new Jwt(new byte[32]);
    MethodRegistry registry =
        Daemon.registry(
            jwt,
            UUID.randomUUID(),
            new CommonApi("test", 30, () -> {}),
            view,
            new StateApi(view, NetworkParams.MAINNET.versions()),
            wallet);
    new MpoolApi(pool, wallet, stub, view).register(registry);
    server =
        RpcServer.builder(RpcServerConfig.defaults().withPort(0))
            .mapper(LotusJson.objectMapper(Network.MAINNET))
            .tokens(jwt)
            .api(RpcServer.V1, registry)
            .build();
    server.start();
    conn =
        new String[] {
          "--api",
          "127.0.0.1:" + server.port(),
          "--token",
          jwt.signUpTo(Permission.ADMIN),
          "--repo",
          tmp.resolve("norepo").toString()
        };
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private CliRun run(String stdin, String... args) {
    String[] all = new String[args.length + conn.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(conn, 0, all, args.length, conn.length);
    return CliRun.run(stdin, all);
  }

  @Test
  void sendPushesAndPendingShowsIt() throws Exception {
    CliRun sent = run("", "send", TO.toString(), "0");
    assertThat(sent.exit()).as(sent.err()).isZero();
    String cid = sent.out().strip();

    CliRun cids = run("", "mpool", "pending", "--cids");
    assertThat(cids.out().strip()).isEqualTo(cid);
    CliRun json = run("", "mpool", "pending", "--local", "--json");
    JsonNode msgs = new ObjectMapper().readTree(json.out());
    assertThat(msgs).hasSize(1);
    assertThat(msgs.get(0).get("CID").get("/").asText()).isEqualTo(cid);
    assertThat(msgs.get(0).get("Message").get("From").asText()).isEqualTo(a.toString());
    assertThat(run("", "mpool", "pending", "--to", "f099").out()).isEmpty();
    assertThat(run("", "mpool", "pending").out()).contains(cid).contains(" #0 -> f01234");

    // with explicit gas and nonce the wallet signs and the message is pushed as it is
    CliRun explicit =
        run(
            "",
            "send",
            "--force",
            "--from",
            a.toString(),
            "--nonce",
            "1",
            "--gas-limit",
            "2000000",
            "--gas-feecap",
            "3000000",
            "--gas-premium",
            "2000",
            "--method",
            "0",
            TO.toString(),
            "0.000001");
    assertThat(explicit.exit()).as(explicit.err()).isZero();
    assertThat(run("", "mpool", "pending", "--cids").out().lines()).hasSize(2);
  }

  @Test
  void sendRefusesWhatTheBalanceCannotCover() {
    // the genesis state does not know the test key: balance 0
    run("", "send", TO.toString(), "1.5").assertOneLineError("balance too low");
    run("", "send", "--force", TO.toString(), "1.5")
        .assertOneLineError("mpool push: not enough funds: 0 < 1500000000000000000");
  }

  @Test
  void pushReadsASignedMessageFromAFileOrStdin() throws Exception {
    UnsignedMessage m =
        new UnsignedMessage(
            0,
            TO,
            a,
            0,
            TokenAmount.ofAtto(1),
            1_000_000,
            TokenAmount.ofAtto(2_000_000),
            TokenAmount.ofAtto(1000),
            0,
            new byte[0]);
    SignedMessage s = new SignedMessage(m, wallet.sign(a, m.cid().bytes()));
    String text = LotusJson.objectMapper().writeValueAsString(s);
    Path file = tmp.resolve("msg.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    CliRun pushed = run("", "mpool", "push", file.toString());
    assertThat(pushed.exit()).as(pushed.err()).isZero();
    assertThat(pushed.out().strip()).isEqualTo(s.cid().toString());
    // the same message again from stdin: Lotus's duplicate error, on one line
    run(text, "mpool", "push", "-").assertOneLineError("already in mpool: validation failure");
    run("{\"Message\": 1}", "mpool", "push", "-").assertOneLineError("not a signed message");
    run("", "mpool", "push", tmp.resolve("none.json").toString())
        .assertOneLineError("no such file");
  }

  @Test
  void badArgumentsAreOneLineAndHelpListsTheFlags() {
    run("", "send", TO.toString(), "lots").assertOneLineError("is not an amount of FIL");
    run("", "send", "nowhere", "1").assertOneLineError("is not an address");
    run("", "send", "--gas-premium", "1.5", TO.toString(), "1")
        .assertOneLineError("--gas-premium '1.5' is not a whole number of attoFIL");
    run("", "send", "--params-hex", "zz", TO.toString(), "1")
        .assertOneLineError("failed to decode hex params");
    CliRun help = CliRun.run("", "send", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("--gas-premium")
        .contains("--gas-feecap")
        .contains("--gas-limit")
        .contains("--method")
        .contains("--params-hex")
        .contains("TO")
        .contains("AMOUNT");
    CliRun mpool = CliRun.run("", "mpool", "--help");
    assertThat(mpool.out()).contains("pending").contains("push");
    assertThat(CliRun.run("", "mpool", "pending", "--help").out())
        .contains("--local")
        .contains("--json");
    assertThat(CliRun.run("", "send").exit()).isEqualTo(2);
    assertThat(CliRun.run("", "mpool", "push").exit()).isEqualTo(2);
  }
}
