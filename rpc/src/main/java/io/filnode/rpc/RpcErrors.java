package io.filnode.rpc;

/**
 * JSON-RPC error codes as the server answers them. The -32xxx codes are JSON-RPC 2.0's; {@link
 * #HANDLER_ERROR} is what go-jsonrpc answers when a method returns an error (including Lotus's
 * permission refusal), and {@link #FATAL} what it answers when a method panics.
 */
public final class RpcErrors {
  private RpcErrors() {}

  /** The body is not JSON, is too large or too deeply nested. */
  public static final int PARSE_ERROR = -32700;

  /** The JSON is not a request object (or a batch of them). */
  public static final int INVALID_REQUEST = -32600;

  /** No method of that name on this endpoint, or a channel method called without a channel. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** Wrong parameter count or a parameter that does not decode to the declared type. */
  public static final int INVALID_PARAMS = -32602;

  /** The server failed to encode a result: a bug. */
  public static final int INTERNAL_ERROR = -32603;

  /** The worker pool is full; the request was not run. */
  public static final int SERVER_BUSY = -32000;

  /** A method failed and said why (go-jsonrpc's code for a returned error). */
  public static final int HANDLER_ERROR = 1;

  /** A method threw an unchecked exception (go-jsonrpc's code for a recovered panic). */
  public static final int FATAL = 0;

  /** The WebSocket closed before the answer arrived (go-jsonrpc's client-side code). */
  public static final int CONNECTION_CLOSED = 2;

  /** Whether the code is one of JSON-RPC's protocol-level codes (-32768..-32000). */
  public static boolean isProtocolError(int code) {
    return code >= -32768 && code <= -32000;
  }
}
