package io.filnode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.p2p.NodeHost;
import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two node hosts on loopback, driven through the {@code Net*} methods of one of them. */
class NetApiTest {
  private static final CallContext ADMIN =
      new CallContext(List.of("read", "write", "sign", "admin"));

  @TempDir Path tmp;
  private NodeHost a;
  private NodeHost b;
  private MethodRegistry registry;

  private NodeHost start(String name) throws Exception {
    FsKeyStore keys = FsKeyStore.open(tmp.resolve(name), Optional.empty());
    return NodeHost.start(
        keys,
        List.of(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")),
        "filnode-test/" + name,
        new SecureRandom());
  }

  @BeforeEach
  void setUp() throws Exception {
    a = start("a");
    b = start("b");
    registry = new MethodRegistry();
    new NetApi(a).register(registry);
  }

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
  }

  private Object call(String method, Object... args) throws RpcException {
    RpcMethod m = registry.get("Filecoin." + method);
    assertThat(m).as(method).isNotNull();
    return m.handler().call(ADMIN, new Args(args));
  }

  @Test
  void listenAddressesCarryTheHostId() throws Exception {
    NetApi.AddrInfo info = (NetApi.AddrInfo) call("NetAddrsListen");
    assertThat(info.id()).isEqualTo(a.peerId().toString()).isEqualTo(call("ID"));
    assertThat(info.addrs()).hasSize(1);
    assertThat(info.addrs().get(0)).startsWith("/ip4/127.0.0.1/tcp/").doesNotEndWith("/tcp/0");
  }

  @Test
  void connectListDisconnect() throws Exception {
    String bid = b.peerId().toString();
    assertThat(call("NetPeers")).isEqualTo(List.of());
    assertThat(call("NetConnectedness", bid)).isEqualTo(NetApi.NOT_CONNECTED);
    List<String> bAddrs = b.listenAddrs().stream().map(Multiaddr::toString).toList();
    call("NetConnect", new NetApi.AddrInfo(bid, bAddrs));
    assertThat(call("NetConnectedness", bid)).isEqualTo(NetApi.CONNECTED);
    @SuppressWarnings("unchecked")
    List<NetApi.AddrInfo> peers = (List<NetApi.AddrInfo>) call("NetPeers");
    assertThat(peers).containsExactly(new NetApi.AddrInfo(bid, bAddrs));
    a.host().connections(b.peerId()).get(0).identified().get(30, TimeUnit.SECONDS);
    assertThat(call("NetAgentVersion", bid)).isEqualTo("filnode-test/b");

    call("NetDisconnect", bid);
    a.host().connections(b.peerId()).forEach(c -> c.closeFuture().join());
    assertThat(call("NetConnectedness", bid)).isEqualTo(NetApi.NOT_CONNECTED);
    assertThat(call("NetPeers")).isEqualTo(List.of());
  }

  @Test
  void badInputIsAnError() throws Exception {
    assertThatThrownBy(() -> call("NetConnectedness", "not a peer id"))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("failed to parse peer ID");
    String bid = b.peerId().toString();
    assertThatThrownBy(() -> call("NetConnect", new NetApi.AddrInfo(bid, List.of())))
        .hasMessageContaining("no addresses");
    // the address of a (not b): the Noise handshake proves the wrong peer
    String wrong = a.listenAddrs().get(0).toString();
    assertThatThrownBy(() -> call("NetConnect", new NetApi.AddrInfo(bid, List.of(wrong))))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("failed to dial");
    assertThatThrownBy(() -> call("NetAgentVersion", bid)).hasMessage("item not found");
  }

  @Test
  void theIdentityPersistsInTheKeystoreAsLotusStoresIt() throws Exception {
    FsKeyStore keys = FsKeyStore.open(tmp.resolve("a"), Optional.empty());
    assertThat(NodeHost.identity(keys, new SecureRandom()).publicKey().peerId())
        .isEqualTo(a.peerId());
    String json = Files.readString(keys.directory().resolve(FsKeyStore.fileName("libp2p-host")));
    assertThat(json).contains("\"Type\":\"libp2p-host\"").contains("\"PrivateKey\":\"");
    NodeHost again = start("a");
    try {
      assertThat(again.peerId()).isEqualTo(a.peerId());
    } finally {
      again.close();
    }
  }

  @Test
  void aHostThatCannotListenAnywhereFailsToStart() throws Exception {
    Multiaddr taken = a.host().listenAddrs().get(0);
    FsKeyStore keys = FsKeyStore.open(tmp.resolve("c"), Optional.empty());
    assertThatThrownBy(() -> NodeHost.start(keys, List.of(taken), "x", new SecureRandom()))
        .hasMessageContaining("cannot listen on any address")
        .hasMessageContaining(taken.toString());
  }
}
