package io.filnode.net.wire;

import io.netty.buffer.ByteBuf;

/**
 * Unsigned LEB128 varints as multiformats (and protobuf) use them. Readers reject non-minimal
 * encodings and values above 2^63-1; a varint is at most 9 bytes.
 */
public final class Varint {
  /** Longest varint accepted: 9 bytes carry 63 bits. */
  public static final int MAX_BYTES = 9;

  /** Returned by {@link #tryRead} when the buffer does not yet hold a whole varint. */
  public static final long INCOMPLETE = -1;

  private Varint() {}

  /** Number of bytes {@code value} takes. */
  public static int size(long value) {
    int n = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  public static void write(ByteBuf out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.writeByte((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    int i = 0;
    while ((value & ~0x7FL) != 0) {
      out[i++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[i] = (byte) value;
    return out;
  }

  /**
   * Reads a varint at the reader index if it is complete; otherwise leaves the index alone and
   * returns {@link #INCOMPLETE}.
   */
  public static long tryRead(ByteBuf in) throws DecodeException {
    int start = in.readerIndex();
    int avail = in.readableBytes();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (i >= avail) {
        return INCOMPLETE;
      }
      int b = in.getByte(start + i) & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new DecodeException("non-minimal varint");
        }
        in.readerIndex(start + i + 1);
        return value;
      }
    }
    throw new DecodeException("varint longer than " + MAX_BYTES + " bytes");
  }

  /** Reads a whole varint; running out of bytes is an error. */
  public static long read(ByteBuf in) throws DecodeException {
    long v = tryRead(in);
    if (v == INCOMPLETE) {
      throw new DecodeException("truncated varint");
    }
    return v;
  }

  /** Reads a varint from {@code data} at {@code pos[0]}, advancing it. */
  public static long read(byte[] data, int[] pos) throws DecodeException {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      int p = pos[0] + i;
      if (p >= data.length) {
        throw new DecodeException("truncated varint");
      }
      int b = data[p] & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new DecodeException("non-minimal varint");
        }
        pos[0] = p + 1;
        return value;
      }
    }
    throw new DecodeException("varint longer than " + MAX_BYTES + " bytes");
  }
}
