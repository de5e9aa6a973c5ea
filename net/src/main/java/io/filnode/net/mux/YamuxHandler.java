package io.filnode.net.mux;

import io.filnode.net.host.Connection;
import io.filnode.net.host.StreamException;
import io.filnode.net.wire.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * yamux ({@code /yamux/1.0.0}) over a secured channel: the 256 KiB per-stream windows, SYN/ACK,
 * FIN, RST, ping and go-away. A peer that breaks the protocol (bad header, data beyond its window)
 * gets a go-away and loses the connection; nothing is allocated from a length before it is checked.
 */
public final class YamuxHandler extends ByteToMessageDecoder implements Muxer {
  public static final String PROTOCOL_ID = "/yamux/1.0.0";
  static final int INITIAL_WINDOW = 256 * 1024;

  /** Largest data frame we send: with its header it fills one Noise frame. */
  static final int MAX_SEND_FRAME = 65535 - 16 - YamuxFrame.HEADER_BYTES;

  static final int MAX_STREAMS = 4096;
  private static final int GO_AWAY_PROTOCOL_ERROR = 1;

  private final Connection connection;
  private final boolean client;
  private final StreamFactory factory;
  private final Map<Integer, YStream> streams = new HashMap<>();
  private ChannelHandlerContext ctx;
  private int nextId;
  private YamuxFrame partial; // header of a data frame whose payload has not fully arrived
  private boolean goingAway;

  public YamuxHandler(Connection connection, boolean client, StreamFactory factory) {
    this.connection = connection;
    this.client = client;
    this.factory = factory;
    this.nextId = client ? 1 : 2;
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
              if (goingAway || !ctx.channel().isActive()) {
                f.completeExceptionally(new StreamException("connection is closing"));
                return;
              }
              if (streams.size() >= MAX_STREAMS) {
                f.completeExceptionally(new StreamException("too many streams"));
                return;
              }
              int id = nextId;
              nextId += 2;
              YStream s = new YStream(id, true);
              streams.put(id, s);
              sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, id, 0), null);
              f.complete(s);
            });
    return f;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    try {
      while (true) {
        if (partial == null) {
          if (in.readableBytes() < YamuxFrame.HEADER_BYTES) {
            return;
          }
          YamuxFrame f = YamuxFrame.decodeHeader(in);
          if (f.type() == YamuxFrame.DATA) {
            checkDataLength(f);
            partial = f;
          } else {
            control(f);
            continue;
          }
        }
        if (in.readableBytes() < partial.length()) {
          return;
        }
        YamuxFrame f = partial;
        partial = null;
        data(f, in.readRetainedSlice((int) f.length()));
      }
    } catch (DecodeException e) {
      protocolError();
      in.skipBytes(in.readableBytes());
    }
  }

  private void checkDataLength(YamuxFrame f) throws DecodeException {
    YStream s = streams.get(f.streamId());
    long allowed = s == null ? INITIAL_WINDOW : s.recvWindow;
    if (f.length() > allowed) {
      throw new DecodeException(
          "yamux data frame of " + f.length() + " bytes exceeds the window of " + allowed);
    }
  }

  private void data(YamuxFrame f, ByteBuf payload) throws DecodeException {
    YStream s = streamFor(f);
    if (s == null) {
      payload.release();
      return;
    }
    s.recvWindow -= f.length();
    if (f.length() > 0) {
      s.deliver(payload);
    } else {
      payload.release();
    }
    flags(s, f.flags());
  }

  private void control(YamuxFrame f) throws DecodeException {
    switch (f.type()) {
      case YamuxFrame.WINDOW_UPDATE -> {
        YStream s = streamFor(f);
        if (s != null) {
          s.sendWindow += f.length();
          flags(s, f.flags());
          s.flushPending();
        }
      }
      case YamuxFrame.PING -> {
        if ((f.flags() & YamuxFrame.SYN) != 0) {
          sendFrame(new YamuxFrame(YamuxFrame.PING, YamuxFrame.ACK, 0, f.length()), null);
        }
      }
      case YamuxFrame.GO_AWAY -> goingAway = true;
      default -> throw new DecodeException("yamux frame type " + f.type());
    }
  }

  /** The stream a frame is for, creating it on SYN; null when the frame is for a forgotten one. */
  private YStream streamFor(YamuxFrame f) throws DecodeException {
    YStream s = streams.get(f.streamId());
    if ((f.flags() & YamuxFrame.SYN) == 0) {
      return s;
    }
    if (s != null) {
      throw new DecodeException("yamux SYN for open stream " + f.streamId());
    }
    int id = f.streamId();
    if (id == 0 || ((id & 1) == 1) == client) {
      throw new DecodeException("yamux stream id " + id + " has the wrong parity");
    }
    if (goingAway || streams.size() >= MAX_STREAMS) {
      sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.RST, id, 0), null);
      return null;
    }
    YStream ns = new YStream(id, false);
    streams.put(id, ns);
    sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.ACK, id, 0), null);
    factory.inbound(ns);
    return ns;
  }

  private void flags(YStream s, int flags) {
    if ((flags & YamuxFrame.RST) != 0) {
      s.remoteReset();
    } else if ((flags & YamuxFrame.FIN) != 0) {
      s.remoteCloseWrite();
    }
  }

  private void protocolError() {
    if (ctx.channel().isActive()) {
      sendFrame(new YamuxFrame(YamuxFrame.GO_AWAY, 0, 0, GO_AWAY_PROTOCOL_ERROR), null);
      ctx.flush();
      ctx.close();
    }
  }

  private void sendFrame(YamuxFrame f, ByteBuf payload) {
    ByteBuf header = ctx.alloc().heapBuffer(YamuxFrame.HEADER_BYTES);
    f.encodeHeader(header);
    ByteBuf msg = payload == null ? header : Unpooled.wrappedBuffer(header, payload);
    ctx.writeAndFlush(msg, ctx.voidPromise());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    for (YStream s : new ArrayList<>(streams.values())) {
      s.connectionClosed();
    }
    streams.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private final class YStream extends MuxedStream {
    private final int id;
    private long sendWindow = INITIAL_WINDOW;
    private long recvWindow = INITIAL_WINDOW;
    private int unacked; // bytes consumed but not yet returned in a window update
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    private record Pending(ByteBuf data, CompletableFuture<Void> done) {}

    YStream(int id, boolean initiator) {
      super(connection, ctx.channel().eventLoop(), initiator);
      this.id = id;
    }

    @Override
    protected void sendData(ByteBuf data, CompletableFuture<Void> done) {
      pending.add(new Pending(data, done));
      flushPending();
    }

    void flushPending() {
      while (!pending.isEmpty() && sendWindow > 0) {
        Pending p = pending.peek();
        int n = (int) Math.min(Math.min(p.data.readableBytes(), sendWindow), MAX_SEND_FRAME);
        ByteBuf chunk = p.data.readRetainedSlice(n);
        sendWindow -= n;
        boolean last = !p.data.isReadable();
        ByteBuf header = ctx.alloc().heapBuffer(YamuxFrame.HEADER_BYTES);
        new YamuxFrame(YamuxFrame.DATA, 0, id, n).encodeHeader(header);
        ByteBuf msg = Unpooled.wrappedBuffer(header, chunk);
        if (last) {
          pending.poll();
          p.data.release();
          ctx.writeAndFlush(msg)
              .addListener(
                  cf -> {
                    if (cf.isSuccess()) {
                      p.done.complete(null);
                    } else {
                      p.done.completeExceptionally(new StreamException("write failed", cf.cause()));
                    }
                  });
        } else {
          ctx.write(msg, ctx.voidPromise());
          unflushed = true;
        }
      }
      if (unflushed) {
        unflushed = false;
        ctx.flush();
      }
      if (localClosed && pending.isEmpty() && finPending) {
        finPending = false;
        sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.FIN, id, 0), null);
      }
    }

    private boolean finPending;
    private boolean unflushed;

    @Override
    protected void sendClose() {
      finPending = true;
      flushPending();
    }

    @Override
    protected void sendReset() {
      failPending();
      sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.RST, id, 0), null);
    }

    private void failPending() {
      for (Pending p : pending) {
        p.data.release();
        p.done.completeExceptionally(new StreamException("stream was reset"));
      }
      pending.clear();
    }

    @Override
    protected void connectionClosed() {
      failPending();
      super.connectionClosed();
    }

    @Override
    protected void remoteReset() {
      failPending();
      super.remoteReset();
    }

    @Override
    protected void consumed(int n) {
      unacked += n;
      // return credit once half the window is used, so the sender rarely stalls
      if (unacked >= INITIAL_WINDOW / 2 && !isReset() && streams.get(id) == this) {
        recvWindow += unacked;
        sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, 0, id, unacked), null);
        unacked = 0;
      }
    }

    @Override
    protected void needMore(long n) {
      // the reader waits for a message larger than the window: open it as far as that message
      long delta = n - recvWindow;
      if (delta > 0 && !isReset() && streams.get(id) == this) {
        recvWindow += delta;
        sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, 0, id, delta), null);
      }
    }

    @Override
    protected void removed() {
      streams.remove(id, this);
    }

    @Override
    public String toString() {
      return "yamux stream " + id;
    }
  }
}
