package io.filnode.rpc.server;

import io.filnode.rpc.RpcErrors;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates request bodies up to the limit and answers a larger one with HTTP 413 and a JSON-RPC
 * parse error (go-jsonrpc's code for "request bigger than maximum"). On a keep-alive connection the
 * rest of the body is skipped and the connection stays usable.
 */
final class LimitedAggregator extends HttpObjectAggregator {
  private final int max;

  LimitedAggregator(int maxContentLength) {
    super(maxContentLength);
    this.max = maxContentLength;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    if (!(oversized instanceof HttpRequest)) {
      ctx.close();
      return;
    }
    boolean keepAlive =
        !(oversized instanceof FullHttpMessage)
            && HttpUtil.isKeepAlive(oversized)
            && !HttpUtil.is100ContinueExpected(oversized);
    Responses.write(
        ctx,
        Responses.rpcError(
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            RpcErrors.PARSE_ERROR,
            "request bigger than maximum " + max + " allowed"),
        keepAlive);
  }
}
