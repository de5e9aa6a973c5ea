package io.filnode.rpc.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.rpc.RpcException;
import java.io.IOException;

/** Writes requests and reads responses for both clients. */
final class ClientCodec {
  private final ObjectMapper mapper;

  ClientCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  byte[] request(long id, String method, Object... params) throws IOException {
    ObjectNode r = mapper.createObjectNode();
    r.put("jsonrpc", "2.0");
    r.put("id", id);
    r.put("method", method);
    ArrayNode p = r.putArray("params");
    for (Object o : params) {
      p.add(o instanceof JsonNode n ? n : mapper.valueToTree(o));
    }
    return mapper.writeValueAsBytes(r);
  }

  /** The result of {@code response} as {@code type}, or its error thrown. */
  <T> T result(JsonNode response, JavaType type) throws RpcException, IOException {
    if (!response.isObject()) {
      throw new IOException("malformed JSON-RPC response: not an object");
    }
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      throw new RpcException(error.path("code").asInt(), error.path("message").asText(""));
    }
    JsonNode result = response.get("result");
    if (result == null || result.isNull()) {
      return null;
    }
    try {
      return mapper.treeToValue(result, type);
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot read the result as " + type, e);
    }
  }
}
