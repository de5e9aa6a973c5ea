package io.filnode.rpc.client;

/** A subscription opened by {@link WsRpcClient#subscribe}. */
public interface ClientChannel {
  /** The server's channel id. */
  long id();

  /** Asks the server to stop ({@code xrpc.cancel}); it answers with {@code xrpc.ch.close}. */
  void cancel();
}
