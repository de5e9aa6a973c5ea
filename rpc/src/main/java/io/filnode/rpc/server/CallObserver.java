package io.filnode.rpc.server;

/**
 * Told of every method call the server makes (not of requests refused before the call), for
 * metrics. Runs on the worker thread right after the call; it must be quick and must not throw.
 */
@FunctionalInterface
public interface CallObserver {
  CallObserver NONE = (method, nanos, failed) -> {};

  /**
   * @param method the full method name ({@code Filecoin.ChainHead})
   * @param nanos how long the handler ran
   * @param failed whether it answered with an error
   */
  void onCall(String method, long nanos, boolean failed);
}
