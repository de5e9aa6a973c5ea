package io.filnode.net.multistream;

import io.filnode.net.wire.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.Consumer;

/**
 * Negotiates one protocol for a whole channel (the security protocol, then the muxer), as initiator
 * or responder. On agreement it calls {@code onSelected}, which installs the next handlers after
 * this one, and removes itself; bytes that arrived behind the agreement flow on to them.
 */
public final class MultistreamHandler extends ByteToMessageDecoder {
  private final boolean initiator;
  private final List<String> protocols;
  private final Consumer<String> onSelected;
  private final Consumer<Throwable> onFailure;
  private boolean headerSeen;
  private int proposal;
  private int attempts;
  private boolean started;
  private boolean done;

  public MultistreamHandler(
      boolean initiator,
      List<String> protocols,
      Consumer<String> onSelected,
      Consumer<Throwable> onFailure) {
    this.initiator = initiator;
    this.protocols = List.copyOf(protocols);
    this.onSelected = onSelected;
    this.onFailure = onFailure;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start(ctx);
    super.channelActive(ctx);
  }

  private void start(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    if (initiator) {
      ctx.writeAndFlush(
          Multistream.line(ctx.alloc(), Multistream.PROTOCOL_ID, protocols.get(0)),
          ctx.voidPromise());
    } else {
      ctx.writeAndFlush(Multistream.line(ctx.alloc(), Multistream.PROTOCOL_ID), ctx.voidPromise());
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (done) {
      return;
    }
    try {
      String line;
      while ((line = Multistream.tryReadLine(in)) != null) {
        if (!headerSeen) {
          if (!Multistream.PROTOCOL_ID.equals(line)) {
            throw new DecodeException("peer does not speak " + Multistream.PROTOCOL_ID);
          }
          headerSeen = true;
          continue;
        }
        String chosen = initiator ? answer(ctx, line) : propose(ctx, line);
        if (chosen != null) {
          done = true;
          onSelected.accept(chosen);
          ctx.pipeline().remove(this);
          return;
        }
      }
    } catch (DecodeException e) {
      done = true;
      in.skipBytes(in.readableBytes());
      onFailure.accept(e);
      ctx.close();
    }
  }

  /** Initiator: the responder's answer to our current proposal. */
  private String answer(ChannelHandlerContext ctx, String line) throws DecodeException {
    String current = protocols.get(proposal);
    if (line.equals(current)) {
      return current;
    }
    if (!Multistream.NA.equals(line)) {
      throw new DecodeException("unexpected multistream answer '" + line + "'");
    }
    proposal++;
    if (proposal >= protocols.size()) {
      throw new DecodeException("peer supports none of " + protocols);
    }
    ctx.writeAndFlush(Multistream.line(ctx.alloc(), protocols.get(proposal)), ctx.voidPromise());
    return null;
  }

  /** Responder: a proposal from the initiator. */
  private String propose(ChannelHandlerContext ctx, String line) throws DecodeException {
    if (++attempts > Multistream.MAX_ATTEMPTS) {
      throw new DecodeException("too many multistream proposals");
    }
    if (Multistream.LS.equals(line)) {
      ByteBuf b = ctx.alloc().heapBuffer();
      byte[] ls = Multistream.lsResponse(protocols);
      io.filnode.net.wire.Varint.write(b, ls.length);
      b.writeBytes(ls);
      ctx.writeAndFlush(b, ctx.voidPromise());
      return null;
    }
    if (protocols.contains(line)) {
      ctx.writeAndFlush(Multistream.line(ctx.alloc(), line), ctx.voidPromise());
      return line;
    }
    ctx.writeAndFlush(Multistream.line(ctx.alloc(), Multistream.NA), ctx.voidPromise());
    return null;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (!done) {
      done = true;
      onFailure.accept(new DecodeException("connection closed during multistream negotiation"));
    }
    super.channelInactive(ctx);
  }
}
