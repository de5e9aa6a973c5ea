package io.filnode.rpc.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.filnode.rpc.RpcErrors;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.json.LotusJson;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RpcClient} over one WebSocket, which also carries subscriptions: a method that answers
 * with a channel id is followed by {@code xrpc.ch.val} notifications and one {@code xrpc.ch.close}
 * (go-jsonrpc's channel protocol).
 */
public final class WsRpcClient implements RpcClient {
  private static final System.Logger LOG = System.getLogger(WsRpcClient.class.getName());
  private static final int MAX_MESSAGE_CHARS = 256 << 20;

  private final ClientCodec codec;
  private final Duration timeout;
  private final AtomicLong nextId = new AtomicLong();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<Long, Subscription<?>> channels = new ConcurrentHashMap<>();
  private final Object sendLock = new Object();
  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket ws;
  private volatile boolean closed;

  /** A call waiting for its answer; {@code subscription} is set when it opens a channel. */
  private record Pending(CompletableFuture<JsonNode> answer, Subscription<?> subscription) {}

  private WsRpcClient(ObjectMapper mapper, Duration timeout) {
    this.codec = new ClientCodec(mapper);
    this.timeout = timeout;
  }

  /** Connects to {@code endpoint} ({@code ws://host:port/rpc/v1}); {@code token} may be null. */
  public static WsRpcClient connect(URI endpoint, String token) throws IOException {
    return connect(endpoint, token, LotusJson.objectMapper(), Duration.ofSeconds(60));
  }

  public static WsRpcClient connect(
      URI endpoint, String token, ObjectMapper mapper, Duration timeout) throws IOException {
    WsRpcClient c = new WsRpcClient(mapper, timeout);
    WebSocket.Builder b =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (token != null && !token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      c.ws =
          b.buildAsync(endpoint, c.new Receiver()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted connecting to " + endpoint, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot open a WebSocket to " + endpoint + ": " + e.getMessage(), e);
    }
    return c;
  }

  @Override
  public <T> T call(String method, JavaType type, Object... params)
      throws RpcException, IOException {
    long id = nextId.incrementAndGet();
    return codec.result(
        exchange(id, new Pending(new CompletableFuture<>(), null), method, params), type);
  }

  /**
   * Calls a channel method: values arrive at {@code listener} as {@code valueType}. Returns once
   * the server answered with the channel id.
   */
  public <T> ClientChannel subscribe(
      String method, Class<T> valueType, ChannelListener<T> listener, Object... params)
      throws RpcException, IOException {
    return subscribe(
        method, TypeFactory.defaultInstance().constructType(valueType), listener, params);
  }

  public <T> ClientChannel subscribe(
      String method, JavaType valueType, ChannelListener<T> listener, Object... params)
      throws RpcException, IOException {
    long id = nextId.incrementAndGet();
    Subscription<T> sub = new Subscription<>(id, valueType, listener);
    JsonNode answer = exchange(id, new Pending(new CompletableFuture<>(), sub), method, params);
    Long chanId = codec.result(answer, TypeFactory.defaultInstance().constructType(Long.class));
    if (chanId == null) {
      throw new IOException(method + " answered no channel id");
    }
    return sub;
  }

  private JsonNode exchange(long id, Pending p, String method, Object... params)
      throws IOException {
    if (closed) {
      throw new IOException("WebSocket closed");
    }
    pending.put(id, p);
    try {
      send(new String(codec.request(id, method, params), StandardCharsets.UTF_8));
      return p.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + method, e);
    } catch (ExecutionException e) {
      throw new IOException("calling " + method + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("no answer to " + method + " within " + timeout, e);
    } finally {
      pending.remove(id);
    }
  }

  private void send(String text) throws IOException {
    // java.net.http allows one outstanding send at a time
    synchronized (sendLock) {
      try {
        ws.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted sending", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("sending failed: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
      failAll("client closed");
    }
  }

  private void failAll(String why) {
    closed = true;
    pending.values().forEach(p -> p.answer().completeExceptionally(new IOException(why)));
    pending.clear();
    RpcException error = new RpcException(RpcErrors.CONNECTION_CLOSED, why);
    channels.values().forEach(s -> s.end(error));
    channels.clear();
  }

  /** One frame from the server: an answer, a channel value or a channel close. */
  private void onMessage(String text) {
    JsonNode m;
    try {
      m = codec.mapper().readTree(text);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "ignoring a message that is not JSON: {0}", e.getMessage());
      return;
    }
    if (m == null || !m.isObject()) {
      return;
    }
    String method = m.path("method").asText("");
    JsonNode params = m.path("params");
    switch (method) {
      case "xrpc.ch.val" -> {
        Subscription<?> s = channels.get(params.path(0).asLong());
        if (s != null) {
          s.deliver(params.path(1));
        }
      }
      case "xrpc.ch.close" -> {
        Subscription<?> s = channels.remove(params.path(0).asLong());
        if (s != null) {
          s.end(null);
        }
      }
      case "" -> answer(m);
      default -> LOG.log(Level.DEBUG, "ignoring a call from the server: {0}", method);
    }
  }

  private void answer(JsonNode m) {
    Pending p = pending.get(m.path("id").asLong(-1));
    if (p == null) {
      return;
    }
    JsonNode result = m.get("result");
    if (p.subscription() != null && result != null && result.canConvertToLong()) {
      // registered before the answer is released, so no value can slip past
      p.subscription().chanId = result.asLong();
      channels.put(result.asLong(), p.subscription());
    }
    p.answer().complete(m);
  }

  private final class Subscription<T> implements ClientChannel {
    private final long requestId;
    private final JavaType type;
    private final ChannelListener<T> listener;
    private volatile long chanId;

    Subscription(long requestId, JavaType type, ChannelListener<T> listener) {
      this.requestId = requestId;
      this.type = type;
      this.listener = listener;
    }

    @Override
    public long id() {
      return chanId;
    }

    @Override
    public void cancel() {
      ObjectNode c = codec.mapper().createObjectNode();
      c.put("jsonrpc", "2.0");
      c.put("method", "xrpc.cancel");
      c.putArray("params").add(requestId);
      try {
        send(codec.mapper().writeValueAsString(c));
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cancel of channel {0} not sent: {1}", chanId, e.getMessage());
      }
    }

    void deliver(JsonNode value) {
      T v;
      try {
        v = codec.mapper().treeToValue(value, type);
      } catch (IOException | IllegalArgumentException e) {
        channels.remove(chanId);
        cancel();
        end(
            new RpcException(
                RpcErrors.PARSE_ERROR, "channel value is not a " + type + ": " + e.getMessage()));
        return;
      }
      listener.onValue(v);
    }

    void end(RpcException error) {
      listener.onClose(error);
    }
  }

  /** Reassembles text messages and hands them over one at a time. */
  private final class Receiver implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (partial.length() > MAX_MESSAGE_CHARS) {
        webSocket.abort();
        failAll("message from server too large");
        return null;
      }
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        onMessage(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      failAll("WebSocket closed by server (" + statusCode + " " + reason + ")");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      failAll("WebSocket failed: " + error.getMessage());
    }
  }
}
