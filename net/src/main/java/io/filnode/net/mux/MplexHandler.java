package io.filnode.net.mux;

import io.filnode.net.host.Connection;
import io.filnode.net.host.StreamException;
import io.filnode.net.wire.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * mplex ({@code /mplex/6.7.0}). It has no flow control, so a stream whose unread data passes {@link
 * #MAX_BUFFERED} is reset rather than allowed to grow without bound.
 */
public final class MplexHandler extends ByteToMessageDecoder implements Muxer {
  public static final String PROTOCOL_ID = "/mplex/6.7.0";
  static final int MAX_BUFFERED = 4 << 20;
  static final int MAX_STREAMS = 4096;
  private static final int MAX_SEND_FRAME = 64 * 1024;

  private final Connection connection;
  private final StreamFactory factory;
  // streams we opened and streams the remote opened have separate id spaces
  private final Map<Long, MStream> local = new HashMap<>();
  private final Map<Long, MStream> remote = new HashMap<>();
  private ChannelHandlerContext ctx;
  private long nextId;
  private MplexFrame partial;

  public MplexHandler(Connection connection, StreamFactory factory) {
    this.connection = connection;
    this.factory = factory;
  }

  @Override
  public String protocolId() {
    return PROTOCOL_ID;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CompletableFuture<MuxedStream> openStream() {
    CompletableFuture<MuxedStream> f = new CompletableFuture<>();
    ctx.executor()
        .execute(
            () -> {
              if (!ctx.channel().isActive() || local.size() >= MAX_STREAMS) {
                f.completeExceptionally(new StreamException("cannot open an mplex stream"));
                return;
              }
              long id = nextId++;
              MStream s = new MStream(id, true);
              local.put(id, s);
              byte[] name = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
              send(id, MplexFrame.NEW_STREAM, Unpooled.wrappedBuffer(name), null);
              f.complete(s);
            });
    return f;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    try {
      while (true) {
        if (partial == null) {
          partial = MplexFrame.tryDecodeHeader(in);
          if (partial == null) {
            return;
          }
        }
        if (in.readableBytes() < partial.length()) {
          return;
        }
        MplexFrame f = partial;
        partial = null;
        frame(f, in.readRetainedSlice(f.length()));
      }
    } catch (DecodeException e) {
      in.skipBytes(in.readableBytes());
      ctx.close();
    }
  }

  private void frame(MplexFrame f, ByteBuf payload) throws DecodeException {
    long id = f.streamId();
    switch (f.flag()) {
      case MplexFrame.NEW_STREAM -> {
        payload.release();
        if (remote.containsKey(id)) {
          throw new DecodeException("mplex stream " + id + " opened twice");
        }
        if (remote.size() >= MAX_STREAMS) {
          send(id, MplexFrame.RESET_RECEIVER, null, null);
          return;
        }
        MStream s = new MStream(id, false);
        remote.put(id, s);
        factory.inbound(s);
      }
      case MplexFrame.MESSAGE_INITIATOR, MplexFrame.MESSAGE_RECEIVER -> {
        MStream s = (f.flag() == MplexFrame.MESSAGE_INITIATOR ? remote : local).get(id);
        if (s == null || payload.readableBytes() == 0) {
          payload.release();
          return;
        }
        if (s.queuedBytes() + payload.readableBytes() > MAX_BUFFERED) {
          payload.release();
          s.reset(); // the reader fell too far behind and mplex cannot slow the sender
          return;
        }
        s.deliver(payload);
      }
      case MplexFrame.CLOSE_INITIATOR, MplexFrame.CLOSE_RECEIVER -> {
        payload.release();
        MStream s = (f.flag() == MplexFrame.CLOSE_INITIATOR ? remote : local).get(id);
        if (s != null) {
          s.remoteCloseWrite();
        }
      }
      default -> {
        payload.release();
        MStream s = (f.flag() == MplexFrame.RESET_INITIATOR ? remote : local).get(id);
        if (s != null) {
          s.remoteReset();
        }
      }
    }
  }

  private void send(long id, int flag, ByteBuf payload, CompletableFuture<Void> done) {
    int len = payload == null ? 0 : payload.readableBytes();
    ByteBuf header = ctx.alloc().heapBuffer(20);
    new MplexFrame(id, flag, len).encodeHeader(header);
    ByteBuf msg = payload == null ? header : Unpooled.wrappedBuffer(header, payload);
    if (done == null) {
      ctx.writeAndFlush(msg, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(msg)
          .addListener(
              cf -> {
                if (cf.isSuccess()) {
                  done.complete(null);
                } else {
                  done.completeExceptionally(new StreamException("write failed", cf.cause()));
                }
              });
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    List<MStream> all = new ArrayList<>(local.values());
    all.addAll(remote.values());
    for (MStream s : all) {
      s.connectionClosed();
    }
    local.clear();
    remote.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private final class MStream extends MuxedStream {
    private final long id;

    MStream(long id, boolean initiator) {
      super(connection, ctx.channel().eventLoop(), initiator);
      this.id = id;
    }

    private int flag(int asInitiator, int asReceiver) {
      return isInitiator() ? asInitiator : asReceiver;
    }

    @Override
    protected void sendData(ByteBuf data, CompletableFuture<Void> done) {
      int flag = flag(MplexFrame.MESSAGE_INITIATOR, MplexFrame.MESSAGE_RECEIVER);
      while (data.readableBytes() > MAX_SEND_FRAME) {
        send(id, flag, data.readRetainedSlice(MAX_SEND_FRAME), null);
      }
      send(id, flag, data, done);
    }

    @Override
    protected void sendClose() {
      send(id, flag(MplexFrame.CLOSE_INITIATOR, MplexFrame.CLOSE_RECEIVER), null, null);
    }

    @Override
    protected void sendReset() {
      send(id, flag(MplexFrame.RESET_INITIATOR, MplexFrame.RESET_RECEIVER), null, null);
    }

    @Override
    protected void removed() {
      (isInitiator() ? local : remote).remove(id, this);
    }
  }
}
