package io.filnode.rpc.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.RpcErrors;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Turns one request body (a JSON-RPC 2.0 request or batch) into its response body, for one
 * endpoint's {@link MethodRegistry}. Transport-free, so the HTTP and WebSocket handlers share it
 * and tests can drive it directly. It never throws for any input: every failure becomes a JSON-RPC
 * error. The order of checks is go-jsonrpc's: method, param count, channel mode, param types,
 * permission, call.
 */
final class Dispatcher {
  static final String CANCEL = "xrpc.cancel";
  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MethodRegistry registry;
  private final ObjectMapper mapper;
  private final CallObserver observer;

  /** The answer to a body: the JSON to send (null for none) and whether it is a failed request. */
  record Reply(JsonNode body, boolean failed) {
    static final Reply NONE = new Reply(null, false);
  }

  /**
   * @param mapper the Lotus JSON mapper; it is copied, and the copy limits nesting to {@code
   *     maxNestingDepth}
   */
  Dispatcher(
      MethodRegistry registry, ObjectMapper mapper, int maxNestingDepth, CallObserver observer) {
    this.registry = registry;
    this.observer = observer;
    this.mapper = mapper.copy();
    this.mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build());
  }

  /** The mapper results and channel values are written with. */
  ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Handles one body for a caller with {@code allow}; {@code channels} is null where channels are
   * not supported (HTTP).
   */
  Reply handle(byte[] body, List<String> allow, ChannelSupport channels) {
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (IOException e) {
      return new Reply(error(NullNode.instance, RpcErrors.PARSE_ERROR, parseMessage(e)), true);
    }
    if (tree == null || tree.isMissingNode()) {
      return new Reply(error(NullNode.instance, RpcErrors.PARSE_ERROR, "empty request"), true);
    }
    if (!tree.isArray()) {
      JsonNode one = handleOne(tree, allow, channels);
      return one == null ? Reply.NONE : new Reply(one, one.has("error"));
    }
    if (tree.isEmpty()) {
      return new Reply(error(NullNode.instance, RpcErrors.INVALID_REQUEST, "empty batch"), true);
    }
    ArrayNode out = NODES.arrayNode();
    for (JsonNode req : tree) {
      JsonNode r = handleOne(req, allow, channels);
      if (r != null) {
        out.add(r);
      }
    }
    return out.isEmpty() ? Reply.NONE : new Reply(out, false);
  }

  /** A response to one request, or null when none is due (notification, channel, stray reply). */
  private JsonNode handleOne(JsonNode req, List<String> allow, ChannelSupport channels) {
    if (!req.isObject()) {
      return error(NullNode.instance, RpcErrors.INVALID_REQUEST, "request is not an object");
    }
    JsonNode idNode = req.get("id");
    boolean notification = idNode == null;
    JsonNode id = notification ? NullNode.instance : idNode;
    if (!validId(id)) {
      return error(NullNode.instance, RpcErrors.INVALID_REQUEST, "invalid id");
    }
    JsonNode methodNode = req.get("method");
    if (methodNode == null && channels != null && (req.has("result") || req.has("error"))) {
      return null; // a client's answer on a WebSocket: the server makes no calls, so ignore it
    }
    if (!"2.0".equals(textOrNull(req.get("jsonrpc")))) {
      return error(id, RpcErrors.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
    }
    if (methodNode == null || !methodNode.isTextual()) {
      return error(id, RpcErrors.INVALID_REQUEST, "method must be a string");
    }
    JsonNode params = req.get("params");
    if (params == null || params.isNull()) {
      params = NODES.arrayNode();
    } else if (!params.isArray()) {
      return error(id, RpcErrors.INVALID_PARAMS, "params must be an array");
    }
    String name = methodNode.asText();
    JsonNode response = call(name, id, params, allow, channels);
    return notification ? null : response;
  }

  private JsonNode call(
      String name, JsonNode id, JsonNode params, List<String> allow, ChannelSupport channels) {
    if (CANCEL.equals(name) && channels != null) {
      if (params.size() == 1) {
        channels.cancel(params.get(0));
      }
      return null; // go-jsonrpc never answers a cancel
    }
    RpcMethod m = registry.get(name);
    if (m == null) {
      return error(id, RpcErrors.METHOD_NOT_FOUND, "method '" + name + "' not found");
    }
    int want = m.params().count();
    if (params.size() != want) {
      return error(
          id,
          RpcErrors.INVALID_PARAMS,
          "wrong param count (method '" + name + "'): " + params.size() + " != " + want);
    }
    if (m.isChannel() && channels == null) {
      return error(
          id,
          RpcErrors.METHOD_NOT_FOUND,
          "method '" + name + "' not supported in this mode (no out channel support)");
    }
    Object[] values = new Object[want];
    for (int i = 0; i < want; i++) {
      try {
        values[i] = decode(params.get(i), m.params().types().get(i));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return error(
            id,
            RpcErrors.INVALID_PARAMS,
            "unmarshaling params for '" + name + "' (param " + i + "): " + message(e));
      }
    }
    CallContext ctx = new CallContext(allow);
    if (!ctx.has(m.permission())) {
      return error(
          id,
          RpcErrors.HANDLER_ERROR,
          "missing permission to invoke '"
              + m.shortName()
              + "' (need '"
              + m.permission().lotusName()
              + "')");
    }
    Args args = new Args(values);
    try {
      if (m.isChannel()) {
        if (id.isNull()) {
          return null; // a channel needs an id to be answered on
        }
        channels.open(id, m, args, ctx);
        return null; // the channel answers with its id
      }
      long start = System.nanoTime();
      boolean failed = true;
      try {
        Object result = m.handler().call(ctx, args);
        JsonNode answer =
            result(id, result == null ? NullNode.instance : mapper.valueToTree(result));
        failed = false;
        return answer;
      } finally {
        observer.onCall(name, System.nanoTime() - start, failed);
      }
    } catch (RpcException e) {
      return error(id, e.code(), String.valueOf(e.getMessage()));
    } catch (IllegalArgumentException e) {
      LOG.log(Level.ERROR, "encoding the result of " + name, e);
      return error(id, RpcErrors.INTERNAL_ERROR, "encoding result of '" + name + "' failed");
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "method " + name + " failed", e);
      return error(id, RpcErrors.FATAL, "fatal error calling '" + name + "': " + e);
    }
  }

  private Object decode(JsonNode param, JavaType type) throws JsonProcessingException {
    if (type.getRawClass() == JsonNode.class) {
      return param;
    }
    return mapper.treeToValue(param, type);
  }

  ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode r = NODES.objectNode();
    r.put("jsonrpc", "2.0");
    r.set("id", id);
    r.set("result", result);
    return r;
  }

  static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode r = NODES.objectNode();
    r.put("jsonrpc", "2.0");
    r.set("id", id);
    ObjectNode e = r.putObject("error");
    e.put("code", code);
    e.put("message", message);
    return r;
  }

  /** JSON-RPC ids are strings, integers or null (go-jsonrpc itself takes only int64). */
  private static boolean validId(JsonNode id) {
    return id.isNull() || id.isTextual() || (id.isIntegralNumber() && id.canConvertToLong());
  }

  private static String textOrNull(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private static String parseMessage(IOException e) {
    return "unmarshaling request: " + message(e);
  }

  /** Jackson's message without its source-location suffix, which would echo the input. */
  private static String message(Exception e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
