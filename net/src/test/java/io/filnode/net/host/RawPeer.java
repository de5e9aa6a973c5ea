package io.filnode.net.host;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.identity.PrivKey;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.multistream.Multistream;
import io.filnode.net.multistream.MultistreamHandler;
import io.filnode.net.noise.NoiseHandshake;
import io.filnode.net.noise.NoiseHandshakeHandler;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A misbehaving peer for tests: it completes multistream, Noise and the muxer negotiation with the
 * production handlers, then writes whatever plaintext bytes a test gives it (Noise still encrypts
 * them) and records every decrypted byte the host sends back.
 */
final class RawPeer implements AutoCloseable {
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final PrivKey key = Ed25519Keys.generate(new SecureRandom());
  private Channel channel;

  /** Connects to {@code addr} and agrees on {@code muxer}; completes once bytes can be sent. */
  static RawPeer connect(Multiaddr addr, String muxer) throws Exception {
    RawPeer peer = new RawPeer();
    CompletableFuture<Channel> ready = new CompletableFuture<>();
    Multiaddr.HostPort hp = addr.tcpHostPort();
    new Bootstrap()
        .group(peer.group)
        .channel(NioSocketChannel.class)
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline()
                    .addLast(
                        "mss",
                        new MultistreamHandler(
                            true,
                            List.of(ConnectionImpl.NOISE),
                            s -> peer.noise(ch, muxer, ready),
                            ready::completeExceptionally));
              }
            })
        .connect(hp.host(), hp.port());
    peer.channel = ready.get(10, TimeUnit.SECONDS);
    return peer;
  }

  private void noise(Channel ch, String muxer, CompletableFuture<Channel> ready) {
    ch.pipeline()
        .addAfter("mss", "frames", new LengthFieldBasedFrameDecoder(65537, 0, 2, 0, 2))
        .addAfter(
            "frames",
            "noise-handshake",
            new NoiseHandshakeHandler(
                new NoiseHandshake(true, key, new SecureRandom()),
                null,
                key ->
                    ch.pipeline()
                        .addAfter(
                            "noise",
                            "mss-muxer",
                            new MultistreamHandler(
                                true,
                                List.of(muxer),
                                m -> {
                                  ch.pipeline().addLast("record", new Recorder());
                                  ready.complete(ch);
                                },
                                ready::completeExceptionally)),
                ready::completeExceptionally));
  }

  private final class Recorder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf b = (ByteBuf) msg;
      byte[] bytes = new byte[b.readableBytes()];
      b.readBytes(bytes);
      b.release();
      synchronized (received) {
        received.writeBytes(bytes);
        received.notifyAll();
      }
    }
  }

  PeerId peerId() {
    return key.publicKey().peerId();
  }

  /** Sends plaintext bytes (inside Noise) as they are. */
  void send(byte[] bytes) {
    channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
  }

  /** Everything received so far. */
  byte[] received() {
    synchronized (received) {
      return received.toByteArray();
    }
  }

  /** Waits until the received bytes satisfy {@code p}; false after 10 s. */
  boolean awaitReceived(Predicate<byte[]> p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (received) {
      while (!p.test(received.toByteArray())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      return true;
    }
  }

  /** Waits for the host to close the connection; false after 10 s. */
  boolean awaitClosed() {
    return channel.closeFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
  }

  boolean isOpen() {
    return channel.isActive();
  }

  /** multistream-select lines as one message body: {@code varint(len) line \n} each. */
  static byte[] lines(String... lines) {
    ByteBuf b = Unpooled.buffer();
    for (String l : lines) {
      Multistream.writeLine(b, l);
    }
    byte[] out = new byte[b.readableBytes()];
    b.readBytes(out);
    return out;
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }
}
