package io.filnode.net.noise;

import io.filnode.net.identity.PeerId;
import io.filnode.net.identity.PubKey;
import io.filnode.net.wire.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.function.Consumer;

/**
 * Runs the Noise XX handshake over frames from a {@code LengthFieldBasedFrameDecoder} (2-byte
 * length). On success it checks the remote peer ID (when the dialler expects one), replaces itself
 * with a {@link NoiseTransportCodec} and reports the remote key; on failure it closes the channel.
 */
public final class NoiseHandshakeHandler extends ChannelInboundHandlerAdapter {
  private final NoiseHandshake hs;
  private final PeerId expected;
  private final Consumer<PubKey> onDone;
  private final Consumer<Throwable> onFailure;
  private int step;
  private boolean finished;

  public NoiseHandshakeHandler(
      NoiseHandshake hs, PeerId expected, Consumer<PubKey> onDone, Consumer<Throwable> onFailure) {
    this.hs = hs;
    this.expected = expected;
    this.onDone = onDone;
    this.onFailure = onFailure;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (hs.isInitiator()) {
      send(ctx, hs.writeMessage1());
    }
  }

  private static void send(ChannelHandlerContext ctx, byte[] msg) {
    ByteBuf b = ctx.alloc().heapBuffer(2 + msg.length);
    b.writeShort(msg.length);
    b.writeBytes(msg);
    ctx.writeAndFlush(b, ctx.voidPromise());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (finished) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ByteBuf frame = (ByteBuf) msg;
    byte[] data = new byte[frame.readableBytes()];
    frame.readBytes(data);
    frame.release();
    try {
      if (hs.isInitiator()) {
        if (step++ != 0) {
          throw new DecodeException("unexpected Noise message after message 2");
        }
        hs.readMessage2(data);
        checkPeer();
        send(ctx, hs.writeMessage3());
      } else {
        if (step++ == 0) {
          hs.readMessage1(data);
          send(ctx, hs.writeMessage2());
          return;
        }
        hs.readMessage3(data);
        checkPeer();
      }
      finished = true;
      CipherState[] cs = hs.split();
      ctx.pipeline().replace(this, "noise", new NoiseTransportCodec(cs[0], cs[1]));
      onDone.accept(hs.remoteIdentity());
    } catch (DecodeException e) {
      fail(ctx, e);
    }
  }

  private void checkPeer() throws DecodeException {
    PeerId got = hs.remoteIdentity().peerId();
    if (expected != null && !expected.equals(got)) {
      throw new DecodeException("dialled " + expected + " but the peer is " + got);
    }
  }

  private void fail(ChannelHandlerContext ctx, Throwable e) {
    if (!finished) {
      finished = true;
      onFailure.accept(e);
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx, new DecodeException("connection closed during the Noise handshake"));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, cause);
  }
}
