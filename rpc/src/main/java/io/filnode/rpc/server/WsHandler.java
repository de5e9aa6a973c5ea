package io.filnode.rpc.server;

import com.fasterxml.jackson.databind.node.NullNode;
import io.filnode.rpc.RpcErrors;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One WebSocket connection: each text or binary message is a request (or batch) run on the worker
 * pool; answers and channel notifications go back as text messages, in any order, as go-jsonrpc
 * does.
 */
final class WsHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final System.Logger LOG = System.getLogger(WsHandler.class.getName());

  private final WebSocketServerHandshaker handshaker;
  private final WsSession session;
  private final Dispatcher api;
  private final Executor workers;

  WsHandler(
      WebSocketServerHandshaker handshaker, WsSession session, Dispatcher api, Executor workers) {
    this.handshaker = handshaker;
    this.session = session;
    this.api = api;
    this.workers = workers;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
      byte[] body = ByteBufUtil.getBytes(frame.content());
      try {
        workers.execute(
            () -> {
              Dispatcher.Reply reply = api.handle(body, session.allow(), session);
              if (reply.body() != null) {
                session.send(reply.body());
              }
            });
      } catch (RejectedExecutionException e) {
        session.send(Dispatcher.error(NullNode.instance, RpcErrors.SERVER_BUSY, "server busy"));
      }
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame) {
      handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    session.disconnected();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(Level.DEBUG, "WebSocket connection failed", cause);
    ctx.close();
  }
}
