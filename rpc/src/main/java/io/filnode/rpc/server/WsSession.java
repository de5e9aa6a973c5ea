package io.filnode.rpc.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket connection's state: the caller's permissions and its open channels, numbered from 1
 * as go-jsonrpc numbers them, found by the id of the call that opened them for {@code xrpc.cancel}.
 */
final class WsSession implements ChannelSupport {
  static final String CH_VAL = "xrpc.ch.val";
  static final String CH_CLOSE = "xrpc.ch.close";

  private final Channel channel;
  private final ObjectMapper mapper;
  private final List<String> allow;
  private final AtomicLong lastChannelId = new AtomicLong();
  private final Map<JsonNode, WsOutChannel> byCall = new ConcurrentHashMap<>();
  private volatile boolean disconnected;

  WsSession(Channel channel, ObjectMapper mapper, List<String> allow) {
    this.channel = channel;
    this.mapper = mapper;
    this.allow = List.copyOf(allow);
  }

  List<String> allow() {
    return allow;
  }

  @Override
  public void open(JsonNode id, RpcMethod method, Args args, CallContext ctx) throws RpcException {
    WsOutChannel out = new WsOutChannel(this, lastChannelId.incrementAndGet());
    byCall.put(id, out);
    boolean opened = false;
    try {
      method.channelHandler().open(ctx, args, out);
      opened = true;
    } finally {
      if (!opened) {
        byCall.remove(id, out);
        out.abandon();
      }
    }
    out.onCancel(ctx::cancel);
    if (disconnected) {
      out.cancel(false);
    }
    out.ack(id);
  }

  @Override
  public void cancel(JsonNode id) {
    WsOutChannel out = byCall.remove(id);
    if (out != null) {
      out.cancel(true);
    }
  }

  /** The connection is gone: every producer stops. */
  void disconnected() {
    disconnected = true;
    for (WsOutChannel out : byCall.values()) {
      out.cancel(false);
    }
    byCall.clear();
  }

  void forget(WsOutChannel out) {
    byCall.values().remove(out);
  }

  JsonNode toJson(Object value) {
    return value instanceof JsonNode n ? n : mapper.valueToTree(value);
  }

  void sendAck(JsonNode requestId, long channelId) {
    ObjectNode r = mapper.createObjectNode();
    r.put("jsonrpc", "2.0");
    r.set("id", requestId);
    r.put("result", channelId);
    send(r);
  }

  void sendValue(long channelId, JsonNode value) {
    ArrayNode params = mapper.createArrayNode().add(channelId).add(value);
    send(notification(CH_VAL, params));
  }

  void sendClose(long channelId) {
    send(notification(CH_CLOSE, mapper.createArrayNode().add(channelId)));
  }

  /** Writes a response or notification; dropped once the connection is closed. */
  void send(JsonNode message) {
    if (!channel.isActive()) {
      return;
    }
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialize", e);
    }
    channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
  }

  private ObjectNode notification(String method, ArrayNode params) {
    ObjectNode n = mapper.createObjectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", method);
    n.set("params", params);
    return n;
  }
}
