package io.filnode.rpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.auth.Jwt;
import io.filnode.rpc.server.RpcServer;
import io.filnode.rpc.server.RpcServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Subscriptions and calls over a real WebSocket, with the typed clients. */
class WebSocketTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Jwt JWT =
      new Jwt("websocket test secret".getBytes(StandardCharsets.US_ASCII));
  private static final CountDownLatch FOREVER_CANCELLED = new CountDownLatch(1);
  private static RpcServer server;
  private static URI ws;
  private static URI http;

  @BeforeAll
  static void start() throws IOException {
    MethodRegistry r = new MethodRegistry();
    r.register(
        "Test.Add",
        Permission.READ,
        Params.of(Long.class, Long.class),
        (ctx, a) -> a.get(0, Long.class) + a.get(1, Long.class));
    r.register("Test.Admin", Permission.ADMIN, Params.none(), (ctx, a) -> "ok");
    r.registerChannel(
        "Test.Count",
        Permission.READ,
        Params.of(Integer.class),
        (ctx, a, out) -> {
          int n = a.get(0, Integer.class);
          if (n < 0) {
            throw new RpcException("negative count");
          }
          Thread t =
              new Thread(
                  () -> {
                    for (int i = 0; i < n; i++) {
                      out.send(i);
                    }
                    out.close();
                  });
          t.start();
        });
    r.registerChannel(
        "Test.Forever",
        Permission.READ,
        Params.none(),
        (ctx, a, out) -> {
          out.onCancel(FOREVER_CANCELLED::countDown);
          out.send(-1L); // sent before the channel id is answered: must still come after it
          Thread t =
              new Thread(
                  () -> {
                    for (long i = 0; !out.isClosed(); i++) {
                      out.send(i);
                      try {
                        Thread.sleep(1);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
          t.setDaemon(true);
          t.start();
        });
    r.registerChannel(
        "Test.AdminFeed", Permission.ADMIN, Params.none(), (ctx, a, out) -> out.close());
    server =
        RpcServer.builder(RpcServerConfig.defaults().withPort(0))
            .tokens(JWT)
            .api(RpcServer.V1, r)
            .build();
    server.start();
    ws = URI.create("ws://127.0.0.1:" + server.port() + RpcServer.V1);
    http = URI.create("http://127.0.0.1:" + server.port() + RpcServer.V1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Collects a channel's values and its end. */
  static final class Collector<T> implements ChannelListener<T> {
    final List<T> values = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile RpcException error;

    @Override
    public void onValue(T value) {
      values.add(value);
    }

    @Override
    public void onClose(RpcException e) {
      error = e;
      closed.countDown();
    }
  }

  @Test
  void subscriptionDeliversEveryValueThenCloses() throws Exception {
    try (WsRpcClient c = WsRpcClient.connect(ws, null)) {
      Collector<Integer> got = new Collector<>();
      ClientChannel ch = c.subscribe("Test.Count", Integer.class, got, 2000);
      assertThat(ch.id()).isPositive();
      assertThat(got.closed.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(got.error).isNull();
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        expected.add(i);
      }
      assertThat(got.values).isEqualTo(expected);
      // the same connection still serves calls and more channels
      assertThat(c.call("Test.Add", Long.class, 20, 22)).isEqualTo(42L);
      Collector<Integer> again = new Collector<>();
      ClientChannel ch2 = c.subscribe("Test.Count", Integer.class, again, 3);
      assertThat(ch2.id()).isEqualTo(ch.id() + 1);
      assertThat(again.closed.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(again.values).containsExactly(0, 1, 2);
    }
  }

  @Test
  void cancelStopsTheProducerAndClosesTheChannel() throws Exception {
    try (WsRpcClient c = WsRpcClient.connect(ws, null)) {
      Collector<Long> got = new Collector<>();
      ClientChannel ch = c.subscribe("Test.Forever", Long.class, got);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (got.values.size() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      ch.cancel();
      assertThat(got.closed.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(got.error).isNull();
      assertThat(FOREVER_CANCELLED.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(got.values.get(0)).isEqualTo(-1L);
      for (int i = 1; i < got.values.size(); i++) {
        assertThat(got.values.get(i)).isEqualTo(i - 1L);
      }
    }
  }

  @Test
  void channelErrorsAndPermissions() throws Exception {
    try (WsRpcClient c = WsRpcClient.connect(ws, null)) {
      assertThatThrownBy(() -> c.subscribe("Test.Count", Integer.class, new Collector<>(), -1))
          .isInstanceOf(RpcException.class)
          .hasMessage("negative count");
      assertThatThrownBy(() -> c.subscribe("Test.AdminFeed", Integer.class, new Collector<>()))
          .isInstanceOf(RpcException.class)
          .hasMessage("missing permission to invoke 'AdminFeed' (need 'admin')");
      assertThatThrownBy(() -> c.call("Test.Add", Long.class, 1))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(-32602));
    }
    try (WsRpcClient c = WsRpcClient.connect(ws, JWT.signUpTo(Permission.ADMIN))) {
      Collector<Integer> got = new Collector<>();
      c.subscribe("Test.AdminFeed", Integer.class, got);
      assertThat(got.closed.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(c.call("Test.Admin", String.class)).isEqualTo("ok");
    }
  }

  @Test
  void badTokensCannotOpenAWebSocket() {
    String foreign =
        new Jwt("other".getBytes(StandardCharsets.US_ASCII)).signUpTo(Permission.ADMIN);
    assertThatThrownBy(() -> WsRpcClient.connect(ws, foreign)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> WsRpcClient.connect(URI.create(ws + "?token=" + foreign), null))
        .isInstanceOf(IOException.class);
  }

  @Test
  void tokenInTheQueryOnAWebSocket() throws Exception {
    URI q = URI.create(ws + "?token=" + JWT.signUpTo(Permission.ADMIN));
    try (WsRpcClient c = WsRpcClient.connect(q, null)) {
      assertThat(c.call("Test.Admin", String.class)).isEqualTo("ok");
    }
  }

  /** The exact frames of go-jsonrpc's channel protocol, read with a bare WebSocket. */
  @Test
  void wireFormatOfAChannel() throws Exception {
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket raw =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                ws,
                new WebSocket.Listener() {
                  private final StringBuilder sb = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    sb.append(data);
                    if (last) {
                      frames.add(sb.toString());
                      sb.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(30, TimeUnit.SECONDS);
    raw.sendText("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"Test.Count\",\"params\":[2]}", true)
        .get();
    assertThat(frames.poll(30, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":1}");
    assertThat(frames.poll(30, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.val\",\"params\":[1,0]}");
    assertThat(frames.poll(30, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.val\",\"params\":[1,1]}");
    assertThat(frames.poll(30, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.close\",\"params\":[1]}");
    // malformed frames are answered, not fatal
    raw.sendText("{oops", true).get();
    JsonNode err = JSON.readTree(frames.poll(30, TimeUnit.SECONDS));
    assertThat(err.path("error").path("code").asInt()).isEqualTo(-32700);
    raw.sendText("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"Test.Add\",\"params\":[1,2]}", true)
        .get();
    assertThat(frames.poll(30, TimeUnit.SECONDS))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":3}");
    raw.sendClose(WebSocket.NORMAL_CLOSURE, "").get(30, TimeUnit.SECONDS);
  }

  @Test
  void httpClientCalls() throws Exception {
    try (HttpRpcClient c = HttpRpcClient.connect(http, null)) {
      assertThat(c.call("Test.Add", Long.class, 40, 2)).isEqualTo(42L);
      assertThatThrownBy(() -> c.call("Test.Admin", String.class))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(1));
      assertThatThrownBy(() -> c.call("Test.Nope", String.class))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(-32601));
      assertThatThrownBy(() -> c.call("Test.Count", String.class, 1))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(-32601));
    }
    try (HttpRpcClient c = HttpRpcClient.connect(http, JWT.signUpTo(Permission.ADMIN))) {
      assertThat(c.call("Test.Admin", String.class)).isEqualTo("ok");
    }
    try (HttpRpcClient c = HttpRpcClient.connect(http, "bad")) {
      assertThatThrownBy(() -> c.call("Test.Add", Long.class, 1, 2))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("401");
    }
  }

  @Test
  void closingTheConnectionCancelsItsChannels() throws Exception {
    Collector<Long> got = new Collector<>();
    WsRpcClient c =
        WsRpcClient.connect(
            ws, null, io.filnode.rpc.json.LotusJson.objectMapper(), Duration.ofSeconds(30));
    c.subscribe("Test.Forever", Long.class, got);
    c.close();
    assertThat(got.closed.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(got.error).isNotNull();
  }
}
