package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.address.Network;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.testing.MessageChain;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.api.ChainApi;
import io.filnode.node.api.ChainView;
import io.filnode.node.api.StateCallApi;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.json.LotusJson;
import io.filnode.rpc.server.RpcServer;
import io.filnode.rpc.server.RpcServerConfig;
import io.filnode.vm.stmgr.StateManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code state wait-msg}, {@code state search-msg} and {@code chain get-message} over HTTP. */
class StateMsgCommandsTest {
  private static final Address ALICE = Address.newId(100);

  private MessageChain mc;
  private RpcServer server;
  private String api;
  private UnsignedMessage m;
  private Cid cid;
  private TipSet t2;

  @BeforeEach
  void setUp() throws Exception {
    mc = new MessageChain(List.of(ALICE));
    m = MessageChain.send(ALICE, 0, 10);
    cid = MessageChain.signed(m).cid();
    TipSet t1 = mc.extend(mc.genesis(), m);
    t2 = mc.extend(t1);
    mc.chain().setHead(t2);
    ChainView view = new ChainView(mc.chain());
    MethodRegistry r = new MethodRegistry();
    new ChainApi(view).register(r);
    new StateCallApi(view, new StateManager(mc.chain(), null, null, null, null)).registerV1(r);
    server =
        RpcServer.builder(RpcServerConfig.defaults().withPort(0))
            .mapper(LotusJson.objectMapper(Network.MAINNET))
            .api(RpcServer.V1, r)
            .build();
    server.start();
    api = "127.0.0.1:" + server.port();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void searchMsgPrintsWhereTheMessageWasExecuted() {
    CliRun run = CliRun.run("", "state", "search-msg", "--api", api, cid.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Executed in tipset: [" + t2.cids().get(0) + "]")
        .contains("Exit Code: 0")
        .contains("Gas Used: 1000")
        .doesNotContain("replaced");
  }

  @Test
  void searchMsgSaysWhenTheMessageIsNotOnChain() throws Exception {
    UnsignedMessage later = MessageChain.send(ALICE, 1, 10);
    mc.chain().setHead(mc.extend(t2, later)); // carried, not executed yet
    String laterCid = MessageChain.signed(later).cid().toString();

    assertThat(CliRun.run("", "state", "search-msg", "--api", api, laterCid).out())
        .contains("message was not found on chain");
    assertThat(CliRun.run("", "state", "search-msg", "--api", api, "--json", laterCid).out())
        .isEqualToIgnoringWhitespace("null");
  }

  @Test
  void waitMsgReturnsForAnExecutedMessage() {
    CliRun run =
        CliRun.run(
            "", "state", "wait-msg", "--api", api, "--confidence", "0", "--json", cid.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"Height\" : 2").contains(cid.toString());
  }

  @Test
  void waitMsgGivesUpAfterTheTimeout() {
    UnsignedMessage never = MessageChain.send(ALICE, 1, 10);
    mc.blocks().put(MessageChain.signed(never).cid(), MessageChain.signed(never).toCbor());

    CliRun.run(
            "",
            "state",
            "wait-msg",
            "--api",
            api,
            "--timeout",
            "300ms",
            MessageChain.signed(never).cid().toString())
        .assertOneLineError("timed out");
  }

  @Test
  void badInputIsOneLine() {
    CliRun.run("", "state", "wait-msg", "--api", api, "--timeout", "soon", cid.toString())
        .assertOneLineError("--timeout");
    CliRun.run("", "state", "search-msg", "--api", api, "nope").assertOneLineError("not a CID");
  }

  @Test
  void getMessagePrintsTheSignedMessage() {
    CliRun run = CliRun.run("", "chain", "get-message", "--api", api, cid.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"Signature\"").contains("\"CID\"").contains(cid.toString());
  }
}
