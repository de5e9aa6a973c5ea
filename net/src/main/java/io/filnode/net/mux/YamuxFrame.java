package io.filnode.net.mux;

import io.filnode.net.wire.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The 12-byte yamux header: version (0), type, flags, stream id, length. For data frames the length
 * counts the payload that follows; for window updates it is the delta, for pings the opaque value,
 * for go-away the error code.
 */
public record YamuxFrame(int type, int flags, int streamId, long length) {
  public static final int HEADER_BYTES = 12;
  public static final int DATA = 0;
  public static final int WINDOW_UPDATE = 1;
  public static final int PING = 2;
  public static final int GO_AWAY = 3;
  public static final int SYN = 1;
  public static final int ACK = 2;
  public static final int FIN = 4;
  public static final int RST = 8;

  /** Reads a header at the reader index (the caller checked 12 bytes are there). */
  public static YamuxFrame decodeHeader(ByteBuf in) throws DecodeException {
    int version = in.readUnsignedByte();
    int type = in.readUnsignedByte();
    int flags = in.readUnsignedShort();
    int streamId = in.readInt();
    long length = in.readUnsignedInt();
    if (version != 0) {
      throw new DecodeException("yamux version " + version + " is not 0");
    }
    if (type > GO_AWAY) {
      throw new DecodeException("unknown yamux frame type " + type);
    }
    if ((flags & ~(SYN | ACK | FIN | RST)) != 0) {
      throw new DecodeException("unknown yamux flags 0x" + Integer.toHexString(flags));
    }
    return new YamuxFrame(type, flags, streamId, length);
  }

  public void encodeHeader(ByteBuf out) {
    out.writeByte(0);
    out.writeByte(type);
    out.writeShort(flags);
    out.writeInt(streamId);
    out.writeInt((int) length);
  }
}
