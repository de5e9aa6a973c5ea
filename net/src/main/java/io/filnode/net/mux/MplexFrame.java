package io.filnode.net.mux;

import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.Varint;
import io.netty.buffer.ByteBuf;

/**
 * An mplex frame header: {@code uvarint(streamId << 3 | flag)}, {@code uvarint(length)}, then the
 * payload. {@link #tryDecodeHeader} checks the length limit before the payload is awaited.
 */
public record MplexFrame(long streamId, int flag, int length) {
  public static final int NEW_STREAM = 0;
  public static final int MESSAGE_RECEIVER = 1;
  public static final int MESSAGE_INITIATOR = 2;
  public static final int CLOSE_RECEIVER = 3;
  public static final int CLOSE_INITIATOR = 4;
  public static final int RESET_RECEIVER = 5;
  public static final int RESET_INITIATOR = 6;

  /** Largest payload accepted (as go-mplex and js-mplex). */
  public static final int MAX_PAYLOAD = 1 << 20;

  /**
   * Reads a header if all of it is there, else returns null with the reader index unchanged.
   *
   * @throws DecodeException on a bad varint, an unknown flag or an oversized length
   */
  public static MplexFrame tryDecodeHeader(ByteBuf in) throws DecodeException {
    int start = in.readerIndex();
    long h = Varint.tryRead(in);
    if (h == Varint.INCOMPLETE) {
      return null;
    }
    long len = Varint.tryRead(in);
    if (len == Varint.INCOMPLETE) {
      in.readerIndex(start);
      return null;
    }
    int flag = (int) (h & 7);
    if (flag > RESET_INITIATOR) {
      throw new DecodeException("unknown mplex flag " + flag);
    }
    if (len > MAX_PAYLOAD) {
      throw new DecodeException("mplex frame of " + len + " bytes exceeds " + MAX_PAYLOAD);
    }
    return new MplexFrame(h >>> 3, flag, (int) len);
  }

  public void encodeHeader(ByteBuf out) {
    Varint.write(out, (streamId << 3) | flag);
    Varint.write(out, length);
  }
}
