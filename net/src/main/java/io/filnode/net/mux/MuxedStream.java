package io.filnode.net.mux;

import io.filnode.net.host.Connection;
import io.filnode.net.host.Stream;
import io.filnode.net.host.StreamException;
import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * What yamux and mplex streams share: the inbound queue and pull-based reads, and the hop onto the
 * connection's event loop, where every state change happens.
 */
public abstract class MuxedStream implements Stream {
  private enum ReadKind {
    CHUNK,
    MESSAGE,
    EXACT
  }

  private final Connection connection;
  protected final EventLoop loop;
  private final boolean initiator;
  private final ArrayDeque<ByteBuf> inbound = new ArrayDeque<>();
  private int queued;
  private volatile String protocol;

  private ReadKind pendingKind;
  private int pendingLimit;
  private CompletableFuture<Object> pending;

  private boolean remoteClosed;
  protected boolean localClosed;
  private boolean discarding;
  private boolean reset;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  protected MuxedStream(Connection connection, EventLoop loop, boolean initiator) {
    this.connection = connection;
    this.loop = loop;
    this.initiator = initiator;
  }

  // ---- what each muxer provides (called on the event loop) ----

  /** Sends {@code data} (owned) as stream data; completes {@code done} once it is written. */
  protected abstract void sendData(ByteBuf data, CompletableFuture<Void> done);

  /** Sends the half-close. */
  protected abstract void sendClose();

  /** Sends a reset. */
  protected abstract void sendReset();

  /** {@code n} received bytes were handed to the application. */
  protected void consumed(int n) {}

  /**
   * The pending read needs {@code n} more bytes than are queued (a message larger than the flow
   * control window); a muxer with windows widens it.
   */
  protected void needMore(long n) {}

  private long shortfall;

  /** The stream is finished in both directions; the muxer forgets it. */
  protected abstract void removed();

  // ---- called by the muxer on the event loop ----

  /** Queues received bytes (owned). */
  protected void deliver(ByteBuf data) {
    if (reset || discarding) {
      int n = data.readableBytes();
      data.release();
      consumed(n);
      return;
    }
    queued += data.readableBytes();
    inbound.add(data);
    tryFulfil();
  }

  protected int queuedBytes() {
    return queued;
  }

  protected void remoteCloseWrite() {
    remoteClosed = true;
    tryFulfil();
    maybeFinished();
  }

  protected void remoteReset() {
    if (reset) {
      return;
    }
    reset = true;
    terminate(new StreamException("stream reset by the remote"));
  }

  /** The connection died: fail everything. */
  protected void connectionClosed() {
    if (!reset) {
      reset = true;
      terminate(new StreamException("connection closed"));
    }
  }

  private void terminate(StreamException e) {
    releaseQueue();
    if (pending != null) {
      CompletableFuture<Object> p = pending;
      pending = null;
      p.completeExceptionally(e);
    }
    removed();
    closed.complete(null);
  }

  private void releaseQueue() {
    for (ByteBuf b : inbound) {
      b.release();
    }
    inbound.clear();
    queued = 0;
  }

  private void maybeFinished() {
    if (remoteClosed && localClosed && inbound.isEmpty() && !reset) {
      removed();
      closed.complete(null);
    }
  }

  // ---- Stream ----

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  public void protocol(String p) {
    this.protocol = p;
  }

  @Override
  public boolean isInitiator() {
    return initiator;
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    onLoop(
        () -> {
          if (reset || localClosed) {
            data.release();
            done.completeExceptionally(
                new StreamException(reset ? "stream was reset" : "stream closed for writing"));
          } else if (!data.isReadable()) {
            data.release();
            done.complete(null);
          } else {
            sendData(data, done);
          }
        });
    return done;
  }

  @Override
  public CompletableFuture<Void> write(byte[] data) {
    return write(Unpooled.wrappedBuffer(data));
  }

  @Override
  public CompletableFuture<Void> writeMessage(byte[] message) {
    ByteBuf b = Unpooled.buffer(Varint.size(message.length) + message.length);
    Varint.write(b, message.length);
    b.writeBytes(message);
    return write(b);
  }

  @Override
  public CompletableFuture<ByteBuf> read() {
    return startRead(ReadKind.CHUNK, 0).thenApply(o -> (ByteBuf) o);
  }

  @Override
  public CompletableFuture<byte[]> readMessage(int maxSize) {
    return startRead(ReadKind.MESSAGE, maxSize).thenApply(o -> (byte[]) o);
  }

  @Override
  public CompletableFuture<byte[]> readExactly(int n) {
    return startRead(ReadKind.EXACT, n).thenApply(o -> (byte[]) o);
  }

  private CompletableFuture<Object> startRead(ReadKind kind, int limit) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    onLoop(
        () -> {
          if (pending != null) {
            f.completeExceptionally(new IllegalStateException("a read is already outstanding"));
            return;
          }
          if (reset) {
            f.completeExceptionally(new StreamException("stream was reset"));
            return;
          }
          pending = f;
          pendingKind = kind;
          pendingLimit = limit;
          tryFulfil();
        });
    return f;
  }

  private void tryFulfil() {
    if (pending == null) {
      return;
    }
    Object result;
    try {
      result =
          switch (pendingKind) {
            case CHUNK -> takeChunk();
            case MESSAGE -> takeMessage(pendingLimit);
            case EXACT -> takeExact(pendingLimit);
          };
    } catch (DecodeException e) {
      CompletableFuture<Object> p = pending;
      pending = null;
      p.completeExceptionally(e);
      reset();
      return;
    }
    if (result == NOT_YET) {
      if (shortfall > 0) {
        needMore(shortfall);
        shortfall = 0;
      }
      return;
    }
    CompletableFuture<Object> p = pending;
    pending = null;
    p.complete(result == EOF ? null : result);
    maybeFinished();
  }

  private static final Object NOT_YET = new Object();
  private static final Object EOF = new Object();

  private Object takeChunk() {
    ByteBuf b = inbound.poll();
    if (b == null) {
      return remoteClosed ? EOF : NOT_YET;
    }
    queued -= b.readableBytes();
    consumed(b.readableBytes());
    return b;
  }

  private Object takeMessage(int max) throws DecodeException {
    long len = Long.MIN_VALUE;
    int varintBytes = 0;
    // read the varint across queued buffers without consuming it
    long value = 0;
    int i = 0;
    outer:
    for (ByteBuf b : inbound) {
      for (int k = b.readerIndex(); k < b.writerIndex(); k++) {
        int v = b.getByte(k) & 0xFF;
        value |= (long) (v & 0x7F) << (7 * i);
        i++;
        if ((v & 0x80) == 0) {
          if (v == 0 && i > 1) {
            throw new DecodeException("non-minimal varint length prefix");
          }
          len = value;
          varintBytes = i;
          break outer;
        }
        if (i >= Varint.MAX_BYTES) {
          throw new DecodeException("varint length prefix too long");
        }
      }
    }
    if (len == Long.MIN_VALUE) {
      if (remoteClosed) {
        if (queued == 0) {
          return EOF;
        }
        throw new DecodeException("stream ended inside a length prefix");
      }
      return NOT_YET;
    }
    if (len > max) {
      throw new DecodeException("message of " + len + " bytes exceeds the limit of " + max);
    }
    if (queued < varintBytes + len) {
      if (remoteClosed) {
        throw new DecodeException("stream ended inside a message");
      }
      shortfall = varintBytes + len - queued;
      return NOT_YET;
    }
    skip(varintBytes);
    return take((int) len);
  }

  private Object takeExact(int n) throws DecodeException {
    if (queued < n) {
      if (remoteClosed) {
        throw new DecodeException("stream ended after " + queued + " of " + n + " bytes");
      }
      shortfall = n - queued;
      return NOT_YET;
    }
    return take(n);
  }

  private void skip(int n) {
    take(n);
  }

  private byte[] take(int n) {
    byte[] out = new byte[n];
    int off = 0;
    while (off < n) {
      ByteBuf b = inbound.peek();
      int k = Math.min(b.readableBytes(), n - off);
      b.readBytes(out, off, k);
      off += k;
      if (!b.isReadable()) {
        inbound.poll().release();
      }
    }
    queued -= n;
    consumed(n);
    return out;
  }

  @Override
  public CompletableFuture<Void> closeWrite() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    onLoop(
        () -> {
          if (!localClosed && !reset) {
            localClosed = true;
            sendClose();
            maybeFinished();
          }
          f.complete(null);
        });
    return f;
  }

  @Override
  public void close() {
    onLoop(
        () -> {
          discarding = true;
          int n = queued;
          releaseQueue();
          consumed(n);
          remoteClosed = true; // we no longer care what the remote sends
          tryFulfil();
          if (!localClosed && !reset) {
            localClosed = true;
            sendClose();
          }
          maybeFinished();
        });
  }

  @Override
  public void reset() {
    onLoop(
        () -> {
          if (!reset) {
            reset = true;
            sendReset();
            terminate(new StreamException("stream was reset"));
          }
        });
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  protected boolean isReset() {
    return reset;
  }

  private void onLoop(Runnable r) {
    if (loop.inEventLoop()) {
      r.run();
    } else {
      loop.execute(r);
    }
  }
}
