package io.filnode.net.host;

import io.filnode.net.identity.PeerId;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;

/**
 * One multiplexed stream of a {@link Connection}. Reads are pull-based: at most one read may be
 * outstanding, and the muxer's flow-control window reopens only as the application reads, so a slow
 * reader slows its peer instead of filling memory. Futures complete on the connection's event loop:
 * callbacks must not block.
 */
public interface Stream {
  Connection connection();

  default PeerId remotePeer() {
    return connection().remotePeer();
  }

  /** The protocol negotiated on this stream (null while negotiating). */
  String protocol();

  /** True when this side opened the stream. */
  boolean isInitiator();

  /** Writes {@code data}, taking ownership of it; completes when handed to the connection. */
  CompletableFuture<Void> write(ByteBuf data);

  CompletableFuture<Void> write(byte[] data);

  /** Writes {@code message} prefixed with its unsigned-varint length. */
  CompletableFuture<Void> writeMessage(byte[] message);

  /**
   * The next chunk of received bytes (the caller must release it), or null once the remote closed
   * its side and everything was read.
   */
  CompletableFuture<ByteBuf> read();

  /**
   * The next varint-length-prefixed message, or null at a clean end of stream. Fails with a {@link
   * io.filnode.net.wire.DecodeException} when the length exceeds {@code maxSize} or the stream ends
   * inside a message.
   */
  CompletableFuture<byte[]> readMessage(int maxSize);

  /** Exactly {@code n} bytes; fails with a DecodeException when the stream ends first. */
  CompletableFuture<byte[]> readExactly(int n);

  /** Half-closes: no more writes from this side; reading goes on. */
  CompletableFuture<Void> closeWrite();

  /** Closes both directions abruptly. */
  void reset();

  /** Closes writing and discards whatever arrives later. */
  void close();

  /** Completes when the stream is closed in both directions or reset. */
  CompletableFuture<Void> closeFuture();
}
