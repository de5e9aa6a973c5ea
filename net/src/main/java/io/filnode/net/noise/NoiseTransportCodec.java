package io.filnode.net.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

/**
 * Noise transport messages: each inbound frame (already split by its 2-byte length) is decrypted;
 * each outbound buffer is cut into frames of at most 65535 bytes (65519 of plaintext) and encrypted
 * straight into the output buffer. A frame that fails authentication closes the connection.
 */
public final class NoiseTransportCodec extends ChannelDuplexHandler {
  public static final int MAX_FRAME = 65535;
  public static final int MAX_PLAINTEXT = MAX_FRAME - CipherState.TAG;

  private final CipherState sender;
  private final CipherState receiver;

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
    try {
      int total = in.readableBytes();
      int frames = Math.max(1, (total + MAX_PLAINTEXT - 1) / MAX_PLAINTEXT);
      ByteBuf out = ctx.alloc().heapBuffer(total + frames * (2 + CipherState.TAG));
      do {
        int n = Math.min(in.readableBytes(), MAX_PLAINTEXT);
        out.writeShort(n + CipherState.TAG);
        sender.encrypt(in, n, out);
      } while (in.isReadable());
      ctx.write(out, promise);
    } finally {
      ReferenceCountUtil.release(in);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
