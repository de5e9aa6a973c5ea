package io.filnode.rpc;

/**
 * A JSON-RPC error: thrown by a method to answer with an error (code {@link
 * RpcErrors#HANDLER_ERROR} unless said otherwise, as go-jsonrpc answers a returned Go error), and
 * thrown by the client when the server answered with one.
 */
public final class RpcException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int code;

  /** A method's error, answered with code 1 and this message. */
  public RpcException(String message) {
    this(RpcErrors.HANDLER_ERROR, message);
  }

  public RpcException(int code, String message) {
    super(message);
    this.code = code;
  }

  public RpcException(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }
}
