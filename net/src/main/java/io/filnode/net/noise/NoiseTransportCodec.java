package io.filnode.net.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.ArrayList;
import java.util.List;

/**
 * Noise transport messages: each inbound frame (already split by its 2-byte length) is decrypted.
 * Outbound buffers are gathered until a flush (or until {@link #MAX_PENDING} bytes wait) and then
 * cut into frames of at most 65535 bytes (65519 of plaintext), so that many small muxer frames
 * (headers, window updates) share one Noise frame and one tag. A frame that fails authentication
 * closes the connection.
 */
public final class NoiseTransportCodec extends ChannelDuplexHandler {
  public static final int MAX_FRAME = 65535;
  public static final int MAX_PLAINTEXT = MAX_FRAME - CipherState.TAG;

  /** Bytes gathered before they are encrypted even without a flush. */
  static final int MAX_PENDING = 16 * MAX_PLAINTEXT;

  private final CipherState sender;
  private final CipherState receiver;
  private CompositeByteBuf pending;
  private final List<ChannelPromise> promises = new ArrayList<>();

  public NoiseTransportCodec(CipherState sender, CipherState receiver) {
    this.sender = sender;
    this.receiver = receiver;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      int len = frame.readableBytes();
      if (len < CipherState.TAG) {
        ctx.close(); // shorter than its tag: not a Noise frame
        return;
      }
      ByteBuf out = ctx.alloc().heapBuffer(len - CipherState.TAG);
      if (!receiver.decrypt(frame, out)) {
        out.release();
        ctx.close(); // forged or corrupted
        return;
      }
      if (out.isReadable()) {
        ctx.fireChannelRead(out);
      } else {
        out.release();
      }
    } finally {
      frame.release();
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.write(msg, promise);
      return;
    }
    if (pending == null) {
      pending = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
    }
    pending.addComponent(true, in);
    if (!promise.isVoid()) {
      promises.add(promise);
    }
    if (pending.readableBytes() >= MAX_PENDING) {
      encryptPending(ctx);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    encryptPending(ctx);
    ctx.flush();
  }

  /** Encrypts what has been gathered into maximal frames and passes it on, unflushed. */
  private void encryptPending(ChannelHandlerContext ctx) {
    if (pending == null) {
      return;
    }
    CompositeByteBuf in = pending;
    pending = null;
    List<ChannelPromise> waiting = promises.isEmpty() ? List.of() : new ArrayList<>(promises);
    promises.clear();
    ByteBuf out;
    try {
      int total = in.readableBytes();
      int frames = Math.max(1, (total + MAX_PLAINTEXT - 1) / MAX_PLAINTEXT);
      out = ctx.alloc().heapBuffer(total + frames * (2 + CipherState.TAG));
      do {
        int n = Math.min(in.readableBytes(), MAX_PLAINTEXT);
        out.writeShort(n + CipherState.TAG);
        sender.encrypt(in, n, out);
      } while (in.isReadable());
    } finally {
      in.release();
    }
    if (waiting.isEmpty()) {
      ctx.write(out, ctx.voidPromise());
      return;
    }
    ctx.write(out)
        .addListener(
            (ChannelFuture f) -> {
              for (ChannelPromise p : waiting) {
                if (f.isSuccess()) {
                  p.trySuccess();
                } else {
                  p.tryFailure(f.cause());
                }
              }
            });
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    discardPending(new IllegalStateException("the Noise codec was removed"));
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    // what the muxer wrote just before closing (a go-away) still goes out
    encryptPending(ctx);
    ctx.flush();
    ctx.close(promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    discardPending(new java.nio.channels.ClosedChannelException());
    ctx.fireChannelInactive();
  }

  private void discardPending(Throwable cause) {
    if (pending != null) {
      pending.release();
      pending = null;
    }
    for (ChannelPromise p : promises) {
      p.tryFailure(cause);
    }
    promises.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
