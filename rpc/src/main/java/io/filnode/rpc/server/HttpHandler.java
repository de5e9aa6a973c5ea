package io.filnode.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.rpc.RpcErrors;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * One HTTP connection: routes each request (health, extra GET routes, JSON-RPC POSTs, WebSocket
 * upgrades), authenticates API calls and runs them on the worker pool. Requests on a connection are
 * served one after another, so pipelined requests get their responses in order.
 */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String LIVEZ = "/health/livez";
  static final String READYZ = "/health/readyz";
  private static final System.Logger LOG = System.getLogger(HttpHandler.class.getName());
  private static final int MAX_PIPELINED = 16;

  private final Served served;
  private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
  private boolean busy;

  HttpHandler(Served served) {
    super(false);
    this.served = served;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    pending.add(req);
    if (pending.size() >= MAX_PIPELINED) {
      ctx.channel().config().setAutoRead(false);
    }
    if (!busy) {
      next(ctx);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    pending.forEach(FullHttpRequest::release);
    pending.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(Level.DEBUG, "HTTP connection failed", cause);
    ctx.close();
  }

  private void next(ChannelHandlerContext ctx) {
    FullHttpRequest req = pending.poll();
    if (req == null) {
      busy = false;
      ctx.channel().config().setAutoRead(true);
      return;
    }
    busy = true;
    try {
      serve(ctx, req);
    } finally {
      req.release();
    }
  }

  /** Serves one request; exactly one call of {@link #finish} follows, now or from a worker. */
  private void serve(ChannelHandlerContext ctx, FullHttpRequest req) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    if (req.decoderResult().isFailure()) {
      finish(ctx, Responses.text(HttpResponseStatus.BAD_REQUEST, "bad request"), false);
      return;
    }
    QueryStringDecoder query = new QueryStringDecoder(req.uri());
    String path = query.path();
    Dispatcher api = served.apis().get(path);
    if (api != null) {
      serveApi(ctx, req, query, api, keepAlive);
      return;
    }
    if (!HttpMethod.GET.equals(req.method())) {
      finish(ctx, Responses.text(HttpResponseStatus.NOT_FOUND, "not found"), keepAlive);
    } else if (path.equals(LIVEZ)) {
      finish(ctx, Responses.text(HttpResponseStatus.OK, "ok"), keepAlive);
    } else if (path.equals(READYZ)) {
      finish(
          ctx,
          served.ready().get()
              ? Responses.text(HttpResponseStatus.OK, "ok")
              : Responses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "not ready"),
          keepAlive);
    } else if (served.routes().containsKey(path)) {
      HttpRoute route = served.routes().get(path);
      runOnWorker(ctx, keepAlive, () -> routeResponse(route));
    } else {
      finish(ctx, Responses.text(HttpResponseStatus.NOT_FOUND, "not found"), keepAlive);
    }
  }

  private void serveApi(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      QueryStringDecoder query,
      Dispatcher api,
      boolean keepAlive) {
    List<String> allow = Auth.allow(req, query, served.tokens());
    if (allow == null) {
      finish(ctx, Responses.text(HttpResponseStatus.UNAUTHORIZED, "unauthorized"), keepAlive);
      return;
    }
    if (isUpgrade(req)) {
      upgrade(ctx, req, api, allow);
      return;
    }
    if (!HttpMethod.POST.equals(req.method())) {
      FullHttpResponse r = Responses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST");
      r.headers().set(HttpHeaderNames.ALLOW, "POST");
      finish(ctx, r, keepAlive);
      return;
    }
    byte[] body = ByteBufUtil.getBytes(req.content());
    runOnWorker(ctx, keepAlive, () -> rpcResponse(api.handle(body, allow, null)));
  }

  private void runOnWorker(
      ChannelHandlerContext ctx, boolean keepAlive, Supplier<FullHttpResponse> work) {
    try {
      served
          .workers()
          .execute(
              () -> {
                FullHttpResponse r;
                try {
                  r = work.get();
                } catch (RuntimeException e) {
                  LOG.log(Level.ERROR, "serving an HTTP request failed", e);
                  r =
                      Responses.rpcError(
                          HttpResponseStatus.INTERNAL_SERVER_ERROR,
                          RpcErrors.INTERNAL_ERROR,
                          "internal error");
                }
                FullHttpResponse response = r;
                ctx.executor().execute(() -> finish(ctx, response, keepAlive));
              });
    } catch (RejectedExecutionException e) {
      finish(
          ctx,
          Responses.rpcError(
              HttpResponseStatus.SERVICE_UNAVAILABLE, RpcErrors.SERVER_BUSY, "server busy"),
          keepAlive);
    }
  }

  /** Writes the response of the current request and moves to the next one. */
  private void finish(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
    if (!ctx.channel().isActive()) {
      r.release();
      return;
    }
    Responses.write(ctx, r, keepAlive);
    if (keepAlive) {
      next(ctx);
    }
  }

  private static FullHttpResponse rpcResponse(Dispatcher.Reply reply) {
    if (reply.body() == null) {
      return Responses.of(HttpResponseStatus.NO_CONTENT, null, new byte[0]);
    }
    return Responses.json(status(reply.body()), reply.body());
  }

  /** As go-jsonrpc: 500 when a single request failed in the protocol or panicked, else 200. */
  private static HttpResponseStatus status(JsonNode body) {
    JsonNode code = body.path("error").path("code");
    if (code.isInt()
        && (RpcErrors.isProtocolError(code.asInt()) || code.asInt() == RpcErrors.FATAL)) {
      return HttpResponseStatus.INTERNAL_SERVER_ERROR;
    }
    return HttpResponseStatus.OK;
  }

  private static FullHttpResponse routeResponse(HttpRoute route) {
    HttpRoute.Response r = route.get();
    return Responses.of(HttpResponseStatus.valueOf(r.status()), r.contentType(), r.body());
  }

  private static boolean isUpgrade(FullHttpRequest req) {
    return req.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(
            req.headers().get(HttpHeaderNames.UPGRADE, ""));
  }

  private void upgrade(
      ChannelHandlerContext ctx, FullHttpRequest req, Dispatcher api, List<String> allow) {
    String url = "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + req.uri();
    WebSocketServerHandshaker hs =
        new WebSocketServerHandshakerFactory(url, null, true, served.maxRequestBytes())
            .newHandshaker(req);
    if (hs == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    WsSession session = new WsSession(ctx.channel(), api.mapper(), allow);
    pending.forEach(FullHttpRequest::release);
    pending.clear();
    ctx.pipeline()
        .addAfter(ctx.name(), "ws", new WsHandler(hs, session, api, served.workers()))
        .addAfter(
            ctx.name(), "wsaggregator", new WebSocketFrameAggregator(served.maxRequestBytes()));
    ctx.pipeline().remove(this);
    hs.handshake(ctx.channel(), req);
    ctx.channel().config().setAutoRead(true);
  }
}
