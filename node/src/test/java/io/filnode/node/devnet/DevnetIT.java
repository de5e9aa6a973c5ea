package io.filnode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.crypto.Secp256k1;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.TokenAmount;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.client.ChannelListener;
import io.filnode.rpc.client.ClientChannel;
import io.filnode.rpc.client.HttpRpcClient;
import io.filnode.rpc.client.WsRpcClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
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

/**
 * {@code filnode devnet} end to end, as a Lotus client uses it: one devnet process for the class
 * (one-second blocks), driven over HTTP and WebSocket JSON-RPC with the admin token; the last test
 * stops it with {@code Filecoin.Shutdown}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevnetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Lotus's {@code api.LookbackNoLimit}. */
  private static final long NO_LIMIT = -1;

  @TempDir static Path tmp;
  private static DevnetProcess devnet;
  private static HttpRpcClient api;
  private static String defaultAddress;
  private static String created;

  @BeforeAll
  static void startDevnet() throws Exception {
    devnet = DevnetProcess.start(tmp.resolve("repo"), tmp);
    api = devnet.admin();
  }

  @AfterAll
  static void stopDevnet() throws InterruptedException {
    if (devnet != null) {
      devnet.close();
    }
  }

  @Test
  @Order(1)
  void printsTheDefaultAddressItsBalanceAndExamples() throws Exception {
    defaultAddress = api.call("Filecoin.WalletDefaultAddress", String.class);
    assertThat(defaultAddress).startsWith("t1");
    String out = waitForOutput("send");
    assertThat(out).contains("API listening on /ip4/127.0.0.1/tcp/");
    assertThat(out).contains("admin token in " + devnet.repo().resolve("token"));
    assertThat(out).contains("default address " + defaultAddress + ": 50000000 FIL");
    assertThat(out).contains("./filnode wallet balance");
    assertThat(out).contains("./filnode send");
    assertThat(balance(defaultAddress)).isEqualTo(TokenAmount.ofFil(50_000_000).atto());
  }

  @Test
  @Order(2)
  void sendsFilToANewWalletAddress() throws Exception {
    created = api.call("Filecoin.WalletNew", String.class, "secp256k1");
    BigInteger before = balance(defaultAddress);
    BigInteger value = TokenAmount.ofFil(10).atto();
    JsonNode signed =
        api.call(
            "Filecoin.MpoolPushMessage",
            JsonNode.class,
            message(defaultAddress, created, value),
            null);
    JsonNode lookup = waitMsg(signed.get("CID"));
    JsonNode receipt = lookup.get("Receipt");
    assertThat(receipt.get("ExitCode").asLong()).isZero();
    assertThat(receipt.get("GasUsed").asLong()).isPositive();
    assertThat(balance(created)).isEqualTo(value);
    BigInteger after = balance(defaultAddress);
    // the sender paid the value and a fee: more than nothing, less than the fee cap allows
    BigInteger fee = before.subtract(value).subtract(after);
    JsonNode m = signed.get("Message");
    BigInteger maxFee =
        new BigInteger(m.get("GasFeeCap").asText())
            .multiply(BigInteger.valueOf(m.get("GasLimit").asLong()));
    assertThat(fee).isPositive().isLessThanOrEqualTo(maxFee);
  }

  @Test
  @Order(3)
  void includesAMessageSignedOutsideTheNode() throws Exception {
    Path install = SharedData.require("interop/install.sh");
    Process inst =
        new ProcessBuilder("bash", install.toString(), "target/interop")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String dir = new String(inst.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(inst.waitFor()).isZero();

    // a key the node never sees: funded from the default address, then spending by itself
    byte[] key = Secp256k1.generatePrivateKey(new SecureRandom());
    Process oracle =
        new ProcessBuilder("node", dir + "/sign-oracle.mjs")
            .redirectError(new File("target/devnet-sign-oracle.err"))
            .start();
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(oracle.getInputStream(), StandardCharsets.UTF_8));
        Writer w = new OutputStreamWriter(oracle.getOutputStream(), StandardCharsets.UTF_8)) {
      ObjectNode req = NODES.objectNode();
      req.put("type", "secp256k1")
          .put("privateKeyHex", HexFormat.of().formatHex(key))
          .put("network", "t");
      req.set("message", message(defaultAddress, defaultAddress, BigInteger.ZERO));
      String outside = ask(in, w, req).get("address").asText();
      waitMsg(
          api.call(
                  "Filecoin.MpoolPushMessage",
                  JsonNode.class,
                  message(defaultAddress, outside, TokenAmount.ofFil(5).atto()),
                  null)
              .get("CID"));

      ObjectNode msg = message(outside, created, TokenAmount.ofFil(1).atto());
      msg.put("Nonce", api.call("Filecoin.MpoolGetNonce", Long.class, outside));
      JsonNode gassed = api.call("Filecoin.GasEstimateMessageGas", JsonNode.class, msg, null, null);
      for (String f : new String[] {"GasLimit", "GasFeeCap", "GasPremium"}) {
        msg.set(f, gassed.get(f));
      }
      req.set("message", msg);
      JsonNode answer = ask(in, w, req);
      ObjectNode signedMsg = NODES.objectNode();
      signedMsg.set("Message", msg);
      signedMsg.set(
          "Signature",
          NODES.objectNode().put("Type", 1).put("Data", answer.get("signatureBase64").asText()));
      BigInteger before = balance(created);
      JsonNode cid = api.call("Filecoin.MpoolPush", JsonNode.class, signedMsg);
      assertThat(cid.get("/").asText()).isEqualTo(answer.get("cid").asText());
      assertThat(waitMsg(cid).get("Receipt").get("ExitCode").asLong()).isZero();
      assertThat(balance(created)).isEqualTo(before.add(TokenAmount.ofFil(1).atto()));
    } finally {
      oracle.destroy();
    }
  }

  @Test
  @Order(4)
  void replacesAPendingMessageByFee() throws Exception {
    String first = api.call("Filecoin.WalletNew", String.class, "secp256k1");
    String second = api.call("Filecoin.WalletNew", String.class, "secp256k1");
    long nonce = api.call("Filecoin.MpoolGetNonce", Long.class, created);
    // nonce+1 stays pending behind the gap until nonce is filled: time to replace it
    ObjectNode low = gassed(message(created, first, TokenAmount.ofFil(1).atto()), nonce + 1);
    // a premium large enough that +10% stays a different, still too small, number
    BigInteger premium =
        new BigInteger(low.get("GasPremium").asText()).max(BigInteger.valueOf(100_000));
    low.put("GasPremium", premium.toString());
    low.put("GasFeeCap", new BigInteger(low.get("GasFeeCap").asText()).max(premium).toString());
    JsonNode lowCid = api.call("Filecoin.MpoolPush", JsonNode.class, sign(created, low));

    ObjectNode tooLow = message(created, second, TokenAmount.ofFil(1).atto());
    tooLow.put("Nonce", nonce + 1);
    copyGas(low, tooLow, 11, 10); // +10%: under the 1.25 replace-by-fee ratio
    assertThatThrownBy(() -> api.call("Filecoin.MpoolPush", JsonNode.class, sign(created, tooLow)))
        .isInstanceOf(RpcException.class);

    ObjectNode high = message(created, second, TokenAmount.ofFil(1).atto());
    high.put("Nonce", nonce + 1);
    copyGas(low, high, 5, 4); // +25%, and Lotus's minimum is one more
    for (String f : new String[] {"GasFeeCap", "GasPremium"}) {
      high.put(f, new BigInteger(high.get(f).asText()).add(BigInteger.ONE).toString());
    }
    JsonNode highCid = api.call("Filecoin.MpoolPush", JsonNode.class, sign(created, high));
    assertThat(pendingCids())
        .contains(highCid.get("/").asText())
        .doesNotContain(lowCid.get("/").asText());

    // fill the gap; both nonces get included, the replacement as nonce+1
    JsonNode gapCid =
        api.call(
            "Filecoin.MpoolPush",
            JsonNode.class,
            sign(created, gassed(message(created, created, BigInteger.ZERO), nonce)));
    waitMsg(gapCid);
    JsonNode lookup = waitMsg(highCid);
    assertThat(lookup.get("Receipt").get("ExitCode").asLong()).isZero();
    // as Lotus: the replaced message is not on chain; its nonce is taken by a different call, which
    // a search refuses even when replacements are allowed (they must be the same call)
    JsonNode head = api.call("Filecoin.ChainHead", JsonNode.class);
    for (boolean allowReplaced : new boolean[] {false, true}) {
      assertThatThrownBy(
              () ->
                  api.call(
                      "Filecoin.StateSearchMsg",
                      JsonNode.class,
                      head.get("Cids"),
                      lowCid,
                      NO_LIMIT,
                      allowReplaced))
          .isInstanceOf(RpcException.class)
          .hasMessageContaining("found message with equal nonce");
    }
    assertThat(balance(second)).isEqualTo(TokenAmount.ofFil(1).atto());
    assertThat(balance(first)).isZero();
  }

  @Test
  @Order(5)
  void chainNotifySeesNewHeads() throws Exception {
    BlockingQueue<JsonNode> values = new LinkedBlockingQueue<>();
    try (WsRpcClient ws =
        WsRpcClient.connect(
            URI.create("ws://" + devnet.hostPort() + "/rpc/v1"), devnet.adminToken())) {
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
      assertThat(first.get(0).get("Type").asText()).isEqualTo("current");
      long current = first.get(0).get("Val").get("Height").asLong();
      long applied = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (applied <= current && System.nanoTime() < deadline) {
        JsonNode v = values.poll(5, TimeUnit.SECONDS);
        if (v == null) {
          continue;
        }
        for (JsonNode change : v) {
          if (change.get("Type").asText().equals("apply")) {
            applied = Math.max(applied, change.get("Val").get("Height").asLong());
          }
        }
      }
      assertThat(applied).as("a head applied after %d", current).isGreaterThan(current);
      ch.cancel();
    }
  }

  @Test
  @Order(6)
  void shutdownStopsTheProcess() throws Exception {
    api.call("Filecoin.Shutdown", JsonNode.class);
    assertThat(devnet.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(devnet.process().exitValue()).isZero();
    assertThat(devnet.output()).contains("daemon stopped");
  }

  // --- helpers ---

  private static ObjectNode message(String from, String to, BigInteger value) {
    ObjectNode m = NODES.objectNode();
    m.put("Version", 0)
        .put("To", to)
        .put("From", from)
        .put("Nonce", 0)
        .put("Value", value.toString());
    m.put("GasLimit", 0).put("GasFeeCap", "0").put("GasPremium", "0").put("Method", 0);
    m.putNull("Params");
    return m;
  }

  /** {@code m} at {@code nonce} with the node's gas estimate. */
  private static ObjectNode gassed(ObjectNode m, long nonce) throws Exception {
    m.put("Nonce", nonce);
    JsonNode g = api.call("Filecoin.GasEstimateMessageGas", JsonNode.class, m, null, null);
    for (String f : new String[] {"GasLimit", "GasFeeCap", "GasPremium"}) {
      m.set(f, g.get(f));
    }
    return m;
  }

  /**
   * Gives {@code to} the gas limit of {@code from} and its premium and fee cap × num/den, rounded
   * up.
   */
  private static void copyGas(JsonNode from, ObjectNode to, int num, int den) {
    to.set("GasLimit", from.get("GasLimit"));
    for (String f : new String[] {"GasFeeCap", "GasPremium"}) {
      BigInteger v = new BigInteger(from.get(f).asText());
      to.put(
          f,
          v.multiply(BigInteger.valueOf(num))
              .add(BigInteger.valueOf(den - 1))
              .divide(BigInteger.valueOf(den))
              .toString());
    }
  }

  private static JsonNode sign(String from, ObjectNode m) throws Exception {
    return api.call("Filecoin.WalletSignMessage", JsonNode.class, from, m);
  }

  private static List<String> pendingCids() throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode s : api.call("Filecoin.MpoolPending", JsonNode.class, NODES.arrayNode())) {
      out.add(s.get("CID").get("/").asText());
    }
    return out;
  }

  private static JsonNode waitMsg(JsonNode cid) throws Exception {
    JsonNode lookup = api.call("Filecoin.StateWaitMsg", JsonNode.class, cid, 1, NO_LIMIT, false);
    assertThat(lookup.isNull()).as("StateWaitMsg %s", cid).isFalse();
    return lookup;
  }

  private static BigInteger balance(String address) throws Exception {
    return new BigInteger(api.call("Filecoin.WalletBalance", String.class, address));
  }

  private static JsonNode ask(BufferedReader in, Writer w, JsonNode req) throws Exception {
    w.write(JSON.writeValueAsString(req) + "\n");
    w.flush();
    String line = in.readLine();
    assertThat(line).as("the oracle answered").isNotNull();
    JsonNode a = JSON.readTree(line);
    assertThat(a.has("error")).as("oracle: %s", a).isFalse();
    return a;
  }

  private static String waitForOutput(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String out = devnet.output();
    while (!out.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      out = devnet.output();
    }
    return out;
  }
}
