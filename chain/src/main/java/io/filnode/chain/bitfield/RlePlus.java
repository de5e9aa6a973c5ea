package io.filnode.chain.bitfield;

import java.util.Arrays;

/**
 * The RLE+ codec between bytes and the set intervals of a {@link BitField}.
 *
 * <p>The stream is read least significant bit first within each byte: version {@code 00}, the value
 * of the first run, then one block per run: {@code 1} (a run of 1), {@code 01} and 4 bits (a run of
 * 0 to 15), or {@code 00} and an unsigned LEB128 varint of 8-bit bytes. Bits past the end read as
 * zero, so the stream ends at the first run of length 0, which the zero padding always supplies.
 */
final class RlePlus {
  private RlePlus() {}

  /**
   * Decodes {@code in} into the flat array of half-open set intervals {@code [start, end)}, with
   * exactly the acceptance of go-bitfield's {@code ValidateRLE} + {@code DecodeRLE} and the size
   * limit of its CBOR decoder.
   */
  static long[] decode(byte[] in) throws BitFieldException {
    if (in.length > BitField.MAX_ENCODED_SIZE) {
      throw new BitFieldException(
          "RLE+ of " + in.length + " bytes exceeds the limit of " + BitField.MAX_ENCODED_SIZE);
    }
    if (in.length > 0 && in[in.length - 1] == 0) {
      throw new BitFieldException("RLE+ not minimally encoded: trailing zero byte");
    }
    // Two passes: the first validates and counts, so that the only allocation is sized by what the
    // input really holds, never by the run lengths it claims.
    long[] out = new long[2 * scan(in, null)];
    scan(in, out);
    return out;
  }

  /** Walks the runs of {@code in}; stores the set intervals in {@code out} unless it is null. */
  private static int scan(byte[] in, long[] out) throws BitFieldException {
    Reader r = new Reader(in);
    if (r.bits(2) != 0) {
      throw new BitFieldException("invalid RLE+ version");
    }
    boolean value = r.bits(1) == 1;
    long at = 0; // unsigned; the total length may reach 2^64 - 1 but no further
    int intervals = 0;
    for (long len = r.nextRun(); len != 0; len = r.nextRun()) {
      if (Long.compareUnsigned(len, -1L - at) > 0) {
        throw new BitFieldException("RLE+ overflow: total length exceeds 2^64 - 1");
      }
      if (value) {
        if (out != null) {
          out[2 * intervals] = at;
          out[2 * intervals + 1] = at + len;
        }
        intervals++;
      }
      at += len;
      value = !value;
    }
    return intervals;
  }

  /** Encodes set intervals as go-bitfield's {@code EncodeRuns} does: the canonical form. */
  static byte[] encode(long[] bounds) {
    if (bounds.length == 0) {
      return new byte[0];
    }
    long bits = 3;
    long prevEnd = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      if (bounds[i] != prevEnd) {
        bits += blockBits(bounds[i] - prevEnd);
      }
      bits += blockBits(bounds[i + 1] - bounds[i]);
      prevEnd = bounds[i + 1];
    }
    Writer w = new Writer(new byte[Math.toIntExact((bits + 7) / 8)]);
    w.put(0, 2);
    w.put(bounds[0] == 0 ? 1 : 0, 1);
    prevEnd = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      if (bounds[i] != prevEnd) {
        w.block(bounds[i] - prevEnd);
      }
      w.block(bounds[i + 1] - bounds[i]);
      prevEnd = bounds[i + 1];
    }
    return w.trimmed();
  }

  private static int blockBits(long len) {
    if (len == 1) {
      return 1;
    }
    if (Long.compareUnsigned(len, 16) < 0) {
      return 6;
    }
    int significant = 64 - Long.numberOfLeadingZeros(len);
    return 2 + 8 * ((significant + 6) / 7);
  }

  /** Reads bits least significant first, with zeros past the end, through a 64-bit window. */
  private static final class Reader {
    private final byte[] in;
    private int next; // the next byte to load; passes the end by a few bytes at most
    private long window; // unread bits, least significant first
    private int avail; // valid bits in the window

    Reader(byte[] in) {
      this.in = in;
    }

    private void fill() {
      while (avail <= 56) {
        long b = next < in.length ? in[next] & 0xff : 0;
        window |= b << avail;
        avail += 8;
        next++;
      }
    }

    /** The next {@code n} (at most 8) bits. */
    int bits(int n) {
      if (avail < n) {
        fill();
      }
      int v = (int) window & ((1 << n) - 1);
      window >>>= n;
      avail -= n;
      return v;
    }

    /** The length of the next run; 0 ends the stream. */
    long nextRun() throws BitFieldException {
      if (avail < 6) {
        fill();
      }
      int peek = (int) window & 0x3f;
      if ((peek & 1) != 0) { // "1": a run of 1
        bits(1);
        return 1;
      }
      if ((peek & 2) != 0) { // "01" and 4 bits: a run of 0 to 15
        bits(6);
        return peek >>> 2;
      }
      bits(2); // "00" and a varint
      return varint();
    }

    /** An unsigned LEB128 of at most 10 bytes; a non-minimal final byte is an error. */
    private long varint() throws BitFieldException {
      long x = 0;
      int shift = 0;
      for (int i = 0; i < 10; i++) {
        int b = bits(8);
        if (b < 0x80) {
          if (i == 9 && b > 1) {
            throw new BitFieldException("invalid RLE+: run too long");
          }
          if (b == 0 && shift > 0) {
            throw new BitFieldException("invalid RLE+: varint not minimally encoded");
          }
          return x | (long) b << shift;
        }
        x |= (long) (b & 0x7f) << shift;
        shift += 7;
      }
      throw new BitFieldException("invalid RLE+: run too long");
    }
  }

  /** Writes bits least significant first into a buffer sized exactly beforehand. */
  private static final class Writer {
    private final byte[] out;
    private int pos;

    Writer(byte[] out) {
      this.out = out;
    }

    void put(int value, int n) {
      int i = pos >>> 3;
      int shifted = value << (pos & 7);
      out[i] |= (byte) shifted;
      if ((pos & 7) + n > 8) {
        out[i + 1] |= (byte) (shifted >>> 8);
      }
      pos += n;
    }

    void block(long len) {
      if (len == 1) {
        put(1, 1);
      } else if (Long.compareUnsigned(len, 16) < 0) {
        put(2, 2);
        put((int) len, 4);
      } else {
        put(0, 2);
        long x = len;
        while (Long.compareUnsigned(x, 0x80) >= 0) {
          put((int) (x & 0x7f) | 0x80, 8);
          x >>>= 7;
        }
        put((int) x, 8);
      }
    }

    /** The bytes without trailing zero bytes, which the reader supplies anyway. */
    byte[] trimmed() {
      int n = out.length;
      while (n > 0 && out[n - 1] == 0) {
        n--;
      }
      return n == out.length ? out : Arrays.copyOf(out, n);
    }
  }
}
