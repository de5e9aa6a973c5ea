package io.filnode.net.mux;

import io.filnode.net.host.Connection;
import io.filnode.net.host.StreamException;
import io.filnode.net.wire.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * yamux ({@code /yamux/1.0.0}) over a secured channel: per-stream windows, SYN/ACK, FIN, RST, ping
 * and go-away. A peer that breaks the protocol (bad header, data beyond its window) gets a go-away
 * and loses the connection; nothing is allocated from a length before it is checked.
 *
 * <p>Windows start at 256 KiB and, as in go-yamux, double (up to {@link
 * YamuxConfig#maxStreamWindow}) when a reader returns half a window within four round trips, the
 * round trip being measured with yamux pings. Pings also keep the connection alive: one every
 * {@link YamuxConfig#keepAliveInterval}, and a ping unanswered after {@link
 * YamuxConfig#pingTimeout} closes the connection. A go-away from the peer stops new outbound
 * streams (normal termination) or closes the connection (an error code).
 */
public final class YamuxHandler extends ByteToMessageDecoder implements Muxer {
  public static final String PROTOCOL_ID = "/yamux/1.0.0";
  static final int INITIAL_WINDOW = 256 * 1024;

  /** Largest data frame we send: with its header it fills one Noise frame. */
  static final int MAX_SEND_FRAME = 65535 - 16 - YamuxFrame.HEADER_BYTES;

  static final int MAX_STREAMS = 4096;
  private static final int GO_AWAY_NORMAL = 0;
  private static final int GO_AWAY_PROTOCOL_ERROR = 1;

  /** How much all streams of a session together may grow their windows beyond the initial one. */
  static final long MAX_SESSION_WINDOW_GROWTH = 64L << 20;

  private final YamuxConfig config;
  private final LongSupplier nanoClock;

  private final Connection connection;
  private final boolean client;
  private final StreamFactory factory;
  private final Map<Integer, YStream> streams = new HashMap<>();
  private ChannelHandlerContext ctx;
  private int nextId;
  private YamuxFrame partial; // header of a data frame whose payload has not fully arrived
  private boolean goingAway; // we sent a go-away: refuse the peer's new streams
  private boolean remoteGoAway; // the peer sent one: open no more streams
  private final Map<Integer, PingWait> pings = new HashMap<>();
  private int nextPingId;
  private long rttNanos; // 0 until the first ping is answered
  private long windowGrowth; // summed over streams, bounded by MAX_SESSION_WINDOW_GROWTH
  private ScheduledFuture<?> keepAlive;

  private record PingWait(
      long sentNanos, CompletableFuture<Duration> done, ScheduledFuture<?> timeout) {}

  public YamuxHandler(Connection connection, boolean client, StreamFactory factory) {
    this(connection, client, factory, YamuxConfig.defaults());
  }

  public YamuxHandler(
      Connection connection, boolean client, StreamFactory factory, YamuxConfig config) {
    this(connection, client, factory, config, System::nanoTime);
  }

  /** With a clock for round trips and window epochs, which tests control. */
  YamuxHandler(
      Connection connection,
      boolean client,
      StreamFactory factory,
      YamuxConfig config,
      LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.config = config;
    this.connection = connection;
    this.client = client;
    this.factory = factory;
    this.nextId = client ? 1 : 2;
    // frames straddle Noise frames: gather the pieces instead of copying them together
    setCumulator(COMPOSITE_CUMULATOR);
  }

  @Override
  public String protocolId() {
    return PROTOCOL_ID;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    ping(); // the first round trip, for window tuning (as go-yamux measures it at start)
    long every = config.keepAliveInterval().toNanos();
    if (every > 0) {
      keepAlive =
          ctx.executor().scheduleWithFixedDelay(this::ping, every, every, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Sends a yamux ping; completes with the round trip, or fails (and the connection is closed) when
   * no answer comes within the ping timeout.
   */
  public CompletableFuture<Duration> ping() {
    CompletableFuture<Duration> f = new CompletableFuture<>();
    ctx.executor()
        .execute(
            () -> {
              if (!ctx.channel().isActive()) {
                f.completeExceptionally(new StreamException("connection is closed"));
                return;
              }
              int id = nextPingId++;
              ScheduledFuture<?> timeout =
                  ctx.executor()
                      .schedule(
                          () -> pingTimedOut(id),
                          config.pingTimeout().toNanos(),
                          TimeUnit.NANOSECONDS);
              pings.put(id, new PingWait(nanoClock.getAsLong(), f, timeout));
              sendFrame(new YamuxFrame(YamuxFrame.PING, YamuxFrame.SYN, 0, id & 0xFFFFFFFFL), null);
            });
    return f;
  }

  private void pingTimedOut(int id) {
    PingWait w = pings.remove(id);
    if (w != null) {
      w.done.completeExceptionally(
          new StreamException("yamux ping unanswered after " + config.pingTimeout()));
      ctx.close();
    }
  }

  private void pingAnswered(long opaque) {
    PingWait w = pings.remove((int) opaque);
    if (w == null) {
      return; // not ours, or already timed out
    }
    w.timeout.cancel(false);
    long rtt = Math.max(1, nanoClock.getAsLong() - w.sentNanos);
    rttNanos = rtt;
    w.done.complete(Duration.ofNanos(rtt));
  }

  @Override
  public CompletableFuture<MuxedStream> openStream() {
    CompletableFuture<MuxedStream> f = new CompletableFuture<>();
    ctx.executor()
        .execute(
            () -> {
              if (goingAway || remoteGoAway || !ctx.channel().isActive()) {
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
        } else if ((f.flags() & YamuxFrame.ACK) != 0) {
          pingAnswered(f.length());
        }
      }
      case YamuxFrame.GO_AWAY -> {
        if (f.length() != GO_AWAY_NORMAL) {
          // the peer saw a protocol or internal error: the session is over
          ctx.close();
        }
        remoteGoAway = true; // streams already open finish normally
      }
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

  /** Sends a control frame (the flush consolidation handler below gathers these flushes). */
  private void sendFrame(YamuxFrame f, ByteBuf payload) {
    ByteBuf header = ctx.alloc().heapBuffer(YamuxFrame.HEADER_BYTES);
    f.encodeHeader(header);
    ByteBuf msg = payload == null ? header : Unpooled.wrappedBuffer(header, payload);
    ctx.writeAndFlush(msg, ctx.voidPromise());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    for (PingWait w : new ArrayList<>(pings.values())) {
      w.timeout.cancel(false);
      w.done.completeExceptionally(new StreamException("connection closed"));
    }
    pings.clear();
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
    private long recvWindow = INITIAL_WINDOW; // what the peer may still send
    private int window = INITIAL_WINDOW; // what we grant in all; grows while the reader keeps up
    private int unacked; // bytes consumed but not yet returned in a window update
    private long epochStart = nanoClock.getAsLong(); // when the last window update went out
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
      boolean wrote = false;
      while (!pending.isEmpty() && sendWindow > 0) {
        Pending p = pending.peek();
        int n = (int) Math.min(Math.min(p.data.readableBytes(), sendWindow), MAX_SEND_FRAME);
        ByteBuf chunk = p.data.readRetainedSlice(n);
        sendWindow -= n;
        boolean last = !p.data.isReadable();
        ByteBuf header = ctx.alloc().heapBuffer(YamuxFrame.HEADER_BYTES);
        new YamuxFrame(YamuxFrame.DATA, 0, id, n).encodeHeader(header);
        ByteBuf msg = Unpooled.wrappedBuffer(header, chunk);
        wrote = true;
        if (last) {
          pending.poll();
          p.data.release();
          ctx.write(msg)
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
        }
      }
      if (wrote) {
        ctx.flush(); // once for everything the window let out
      }
      if (localClosed && pending.isEmpty() && finPending) {
        finPending = false;
        sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.FIN, id, 0), null);
      }
    }

    private boolean finPending;

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
      if (unacked >= window / 2 && !isReset() && streams.get(id) == this) {
        long now = nanoClock.getAsLong();
        if (rttNanos > 0 && now - epochStart < 4 * rttNanos) {
          grow(); // half a window went by within four round trips: the window is the limit
        }
        epochStart = now;
        recvWindow += unacked;
        sendFrame(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, 0, id, unacked), null);
        unacked = 0;
      }
    }

    private void grow() {
      int target = (int) Math.min(2L * window, config.maxStreamWindow());
      int extra = target - window;
      if (extra > 0 && windowGrowth + extra <= MAX_SESSION_WINDOW_GROWTH) {
        windowGrowth += extra;
        window = target;
        unacked += extra; // the extra credit goes out with this update
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
      if (streams.remove(id, this)) {
        windowGrowth -= window - INITIAL_WINDOW;
      }
    }

    @Override
    public String toString() {
      return "yamux stream " + id;
    }
  }
}
