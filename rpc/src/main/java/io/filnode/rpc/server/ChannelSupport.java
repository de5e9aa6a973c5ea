package io.filnode.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;

/** What a transport with channels (a WebSocket connection) offers the dispatcher. */
interface ChannelSupport {
  /**
   * Opens a channel for the call {@code id}: runs the method's {@link
   * io.filnode.rpc.ChannelHandler}, then answers the channel id itself. Throws the method's error,
   * which the dispatcher answers.
   */
  void open(JsonNode id, RpcMethod method, Args args, CallContext ctx) throws RpcException;

  /** {@code xrpc.cancel}: the client gave up on the call {@code id} (and its channel). */
  void cancel(JsonNode id);
}
