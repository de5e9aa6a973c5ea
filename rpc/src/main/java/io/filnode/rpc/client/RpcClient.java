package io.filnode.rpc.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.filnode.rpc.RpcException;
import java.io.IOException;

/**
 * A typed JSON-RPC client (what the CLI uses). Params are written and results read with the Lotus
 * JSON mapper the client was made with.
 *
 * <pre>{@code
 * try (RpcClient c = HttpRpcClient.connect(URI.create("http://127.0.0.1:1234/rpc/v1"), token)) {
 *   TipSet head = c.call("Filecoin.ChainHead", TipSet.class);
 * }
 * }</pre>
 *
 * A server-side error is an {@link RpcException} with the server's code and message; a transport
 * failure (unreachable, 401, a malformed answer) an {@link IOException}.
 */
public interface RpcClient extends AutoCloseable {
  /** Calls {@code method} with positional {@code params} and reads the result as {@code type}. */
  <T> T call(String method, JavaType type, Object... params) throws RpcException, IOException;

  /** {@link #call(String, JavaType, Object...)} for a non-generic result type. */
  default <T> T call(String method, Class<T> type, Object... params)
      throws RpcException, IOException {
    return call(method, TypeFactory.defaultInstance().constructType(type), params);
  }

  @Override
  void close();
}
