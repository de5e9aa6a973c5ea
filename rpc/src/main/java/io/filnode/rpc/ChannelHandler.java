package io.filnode.rpc;

/**
 * A method that answers with a channel (a Lotus {@code <-chan T}, e.g. {@code ChainNotify}): only
 * over WebSocket. {@link #open} validates the call and starts whatever feeds {@code out}; it may
 * send values at once or later from any thread, and closes {@code out} when the stream ends. If it
 * throws, the caller gets the error and no channel. The channel id is answered after {@link #open}
 * returns, and values sent before that are held back until then, as go-jsonrpc orders them.
 */
@FunctionalInterface
public interface ChannelHandler {
  void open(CallContext ctx, Args args, OutChannel out) throws RpcException;
}
