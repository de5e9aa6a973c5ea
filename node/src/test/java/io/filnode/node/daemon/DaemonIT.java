package io.filnode.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.Block;
import io.filnode.chain.car.CarReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.TipSet;
import io.filnode.node.cli.Main;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.rpc.Params;
import io.filnode.rpc.RpcErrors;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.client.ChannelListener;
import io.filnode.rpc.client.ClientChannel;
import io.filnode.rpc.client.HttpRpcClient;
import io.filnode.rpc.client.WsRpcClient;
import io.filnode.rpc.json.LotusJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Starts the real daemon process on the mainnet genesis (once for the class) and talks to it over
 * HTTP and WebSocket JSON-RPC as a Lotus client would; the last test shuts it down and restarts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonIT {
  private static final Cid MAINNET_GENESIS =
      Cid.parse("bafy2bzacecnamqgqmifpluoeldx7zzglxcljo6oja4vrmtj7432rphldpdmm2");
  private static final JavaType ADDRESSES = Params.type(new TypeReference<List<Address>>() {});

  @TempDir static Path tmp;
  private static Path genesis;
  private static Path repo;
  private static DaemonProcess daemon;
  private static final List<Address> created = new ArrayList<>();

  @BeforeAll
  static void startDaemon() throws Exception {
    genesis = SharedData.require("genesis/mainnet.car.zst").toAbsolutePath();
    repo = tmp.resolve("repo");
    daemon = start(true);
  }

  @AfterAll
  static void stopDaemon() throws InterruptedException {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static DaemonProcess start(boolean withGenesis) throws Exception {
    return DaemonProcess.start(repo, withGenesis ? genesis : null, tmp);
  }

  private static String token() throws IOException {
    return Files.readString(repo.resolve("token")).strip();
  }

  private static String hostPort() throws IOException {
    // /ip4/127.0.0.1/tcp/PORT/http
    String[] parts = Files.readString(repo.resolve("api")).strip().split("/");
    assertThat(parts[1]).isEqualTo("ip4");
    assertThat(parts[5]).isEqualTo("http");
    return parts[2] + ":" + parts[4];
  }

  private static HttpRpcClient http(String token) throws IOException {
    return HttpRpcClient.connect(URI.create("http://" + hostPort() + "/rpc/v1"), token);
  }

  @Test
  @Order(1)
  void repoLayoutAndPermissions() throws IOException {
    assertThat(Files.getPosixFilePermissions(repo.resolve("token")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(repo.resolve("keystore")))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.isDirectory(repo.resolve("datastore"))).isTrue();
    assertThat(Files.readString(daemon.log)).contains("API listening on /ip4/127.0.0.1/tcp/");
  }

  @Test
  @Order(3)
  void metricsAndHealthEndpoints() throws Exception {
    try (HttpRpcClient c = http(null)) {
      c.call("Filecoin.ChainHead", TipSet.class);
    }
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> metrics =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create("http://" + hostPort() + "/debug/metrics"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("filnode_chain_height 0.0")
        .contains("filnode_rpc_calls_seconds_count{method=\"Filecoin.ChainHead\"}")
        .contains("jvm_memory_used_bytes");
    for (String health : List.of("/health/livez", "/health/readyz")) {
      java.net.http.HttpResponse<String> r =
          client.send(
              java.net.http.HttpRequest.newBuilder(URI.create("http://" + hostPort() + health))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(health).isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void chainHeadIsTheGenesisTipSet() throws Exception {
    try (HttpRpcClient c = http(null)) {
      TipSet head = c.call("Filecoin.ChainHead", TipSet.class);
      assertThat(head.cids()).containsExactly(MAINNET_GENESIS);
      assertThat(head.height()).isZero();
      assertThat(c.call("Filecoin.ChainGetGenesis", TipSet.class)).isEqualTo(head);
      assertThat(c.call("Filecoin.ChainGetTipSetByHeight", TipSet.class, 0, null)).isEqualTo(head);
      assertThat(c.call("Filecoin.ChainHasObj", Boolean.class, MAINNET_GENESIS)).isTrue();
    }
  }

  @Test
  @Order(3)
  void stateQueries() throws Exception {
    try (HttpRpcClient c = http(null)) {
      List<Address> actors = c.call("Filecoin.StateListActors", ADDRESSES, (Object) null);
      assertThat(actors).hasSize(37).contains(Address.newId(0), Address.newId(99));
      assertThat(c.call("Filecoin.StateNetworkName", String.class)).isEqualTo("testnetnet");
      assertThat(c.call("Filecoin.StateNetworkVersion", Integer.class, (Object) null)).isZero();
      assertThat(c.call("Filecoin.StateLookupID", Address.class, Address.newId(4), null))
          .isEqualTo(Address.newId(4));
      JsonNode actor = c.call("Filecoin.StateGetActor", JsonNode.class, Address.newId(1), null);
      assertThat(actor.fieldNames())
          .toIterable()
          .containsExactly("Code", "Head", "Nonce", "Balance");
    }
  }

  @Test
  @Order(4)
  void walletRoundTrip() throws Exception {
    try (HttpRpcClient c = http(token())) {
      for (String type : List.of("secp256k1", "bls")) {
        Address a = c.call("Filecoin.WalletNew", Address.class, type);
        created.add(a);
        byte[] data = ("hello " + type).getBytes(StandardCharsets.UTF_8);
        Signature sig = c.call("Filecoin.WalletSign", Signature.class, a, data);
        assertThat(c.call("Filecoin.WalletVerify", Boolean.class, a, data, sig)).isTrue();
        assertThat(c.call("Filecoin.WalletVerify", Boolean.class, a, new byte[] {1}, sig))
            .isFalse();
        assertThat(c.call("Filecoin.WalletHas", Boolean.class, a)).isTrue();
      }
      List<Address> list = c.call("Filecoin.WalletList", ADDRESSES);
      assertThat(list).containsExactlyInAnyOrderElementsOf(created);
      assertThat(c.call("Filecoin.WalletDefaultAddress", Address.class)).isEqualTo(created.get(0));
    }
  }

  @Test
  @Order(5)
  void chainNotifyStartsWithTheCurrentHead() throws Exception {
    BlockingQueue<JsonNode> values = new LinkedBlockingQueue<>();
    try (WsRpcClient ws = WsRpcClient.connect(URI.create("ws://" + hostPort() + "/rpc/v1"), null)) {
      ClientChannel ch =
          ws.subscribe(
              "Filecoin.ChainNotify",
              JsonNode.class,
              new ChannelListener<JsonNode>() {
                @Override
                public void onValue(JsonNode value) {
                  values.add(value);
                }

                @Override
                public void onClose(RpcException error) {}
              });
      JsonNode first = values.poll(30, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first).hasSize(1);
      assertThat(first.get(0).get("Type").asText()).isEqualTo("current");
      TipSet head = LotusJson.objectMapper().treeToValue(first.get(0).get("Val"), TipSet.class);
      assertThat(head.cids()).containsExactly(MAINNET_GENESIS);
      ch.cancel();
    }
  }

  @Test
  @Order(6)
  void permissions() throws Exception {
    String read;
    try (HttpRpcClient admin = http(token())) {
      byte[] t = admin.call("Filecoin.AuthNew", byte[].class, List.of("read"));
      read = new String(t, StandardCharsets.US_ASCII);
      assertThat(admin.call("Filecoin.AuthVerify", JsonNode.class, read).toString())
          .isEqualTo("[\"read\"]");
    }
    try (HttpRpcClient c = http(read)) {
      assertThat(c.call("Filecoin.ChainHead", TipSet.class).cids())
          .containsExactly(MAINNET_GENESIS);
      assertThatThrownBy(() -> c.call("Filecoin.WalletNew", Address.class, "bls"))
          .isInstanceOfSatisfying(
              RpcException.class,
              e -> {
                assertThat(e.code()).isEqualTo(RpcErrors.HANDLER_ERROR);
                assertThat(e.getMessage())
                    .isEqualTo("missing permission to invoke 'WalletNew' (need 'write')");
              });
      assertThatThrownBy(() -> c.call("Filecoin.PaychList", JsonNode.class))
          .isInstanceOfSatisfying(
              RpcException.class, e -> assertThat(e.code()).isEqualTo(RpcErrors.METHOD_NOT_FOUND));
    }
  }

  /** Runs the CLI in-process against the daemon; returns stdout, failing on a non-zero exit. */
  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--repo");
    all.add(repo.toString());
    int exit = cl.execute(all.toArray(String[]::new));
    assertThat(exit).as("exit of %s, stderr: %s", all, err).isZero();
    return out.toString();
  }

  @Test
  @Order(7)
  void cliThroughTheApi() throws Exception {
    assertThat(cli("chain", "head").strip()).isEqualTo(MAINNET_GENESIS.toString());
    assertThat(cli("chain", "read-obj", MAINNET_GENESIS.toString()).strip()).startsWith("90");
    assertThat(cli("chain", "get-block", MAINNET_GENESIS.toString()))
        .contains("\"Miner\" : \"f00\"");
    String addr = cli("wallet", "new", "secp256k1").strip();
    created.add(Address.parse(addr));
    assertThat(cli("wallet", "list")).contains(addr);
    assertThat(cli("wallet", "balance", addr).strip()).isEqualTo("0 FIL");
    String exported = cli("wallet", "export", addr).strip();
    cli("wallet", "delete", addr);
    assertThat(cli("wallet", "list")).doesNotContain(addr);
    Path keyFile = tmp.resolve("key.hex");
    Files.writeString(keyFile, exported);
    assertThat(cli("wallet", "import", keyFile.toString()).strip()).isEqualTo(addr);
    cli("wallet", "set-default", addr);
    assertThat(cli("wallet", "default").strip()).isEqualTo(addr);
    assertThat(cli("state", "lookup-id", "f04").strip()).isEqualTo("f04");
    assertThat(cli("state", "get-actor", "f04", "--json")).contains("\"Code\"");
    String writeToken = cli("auth", "create-token", "--perm", "write").strip();
    try (HttpRpcClient c = http(writeToken)) {
      List<Address> list = c.call("Filecoin.WalletList", ADDRESSES);
      assertThat(list).isNotEmpty();
      assertThatThrownBy(() -> c.call("Filecoin.WalletExport", JsonNode.class, created.get(0)))
          .hasMessageContaining("need 'admin'");
    }
  }

  @Test
  @Order(8)
  void logLevelsAndChainExportThroughTheCli() throws Exception {
    assertThat(cli("log", "list").lines().toList()).contains("chain", "rpc", "vm");
    cli("log", "set-level", "--system", "rpc", "--system", "vm", "debug");
    cli("log", "set-level", "info");
    try (HttpRpcClient c = http(token())) {
      assertThatThrownBy(() -> c.call("Filecoin.LogSetLevel", Void.class, "nope", "debug"))
          .hasMessageContaining("no such log system 'nope'");
    }
    Path car = tmp.resolve("export.car");
    cli("chain", "export", car.toString());
    int blocks = 0;
    try (CarReader r = CarReader.open(car)) {
      assertThat(r.header().roots()).containsExactly(MAINNET_GENESIS);
      Block first = r.next();
      assertThat(first.cid()).isEqualTo(MAINNET_GENESIS);
      for (Block b = first; b != null; b = r.next()) {
        blocks++;
      }
    }
    assertThat(blocks).isGreaterThan(1);
  }

  @Test
  @Order(100)
  void shutdownThenRestartKeepsHeadAndWallet() throws Exception {
    try (HttpRpcClient c = http(token())) {
      c.call("Filecoin.Shutdown", JsonNode.class);
    }
    assertThat(daemon.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.process.exitValue()).isZero();

    daemon = start(false);
    try (HttpRpcClient c = http(token())) {
      assertThat(c.call("Filecoin.ChainHead", TipSet.class).cids())
          .containsExactly(MAINNET_GENESIS);
      List<Address> list = c.call("Filecoin.WalletList", ADDRESSES);
      assertThat(list).containsExactlyInAnyOrderElementsOf(created);
    }
    Path secret = repo.resolve("keystore").resolve(FsKeyStore.fileName(NodeRepo.JWT_SECRET_NAME));
    assertThat(new ObjectMapper().readTree(Files.readAllBytes(secret)).get("Type").asText())
        .isEqualTo(NodeRepo.JWT_SECRET_TYPE);
  }
}
