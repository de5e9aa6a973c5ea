package io.filnode.rpc.client;

import io.filnode.rpc.RpcException;

/** Receives a subscription's values, in order, on the client's receiving thread. */
public interface ChannelListener<T> {
  /** One {@code xrpc.ch.val}. */
  void onValue(T value);

  /**
   * The channel ended: {@code error} is null after the server's {@code xrpc.ch.close}, else why it
   * ended (connection lost, a value that did not decode).
   */
  void onClose(RpcException error);
}
