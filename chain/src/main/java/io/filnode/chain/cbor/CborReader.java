package io.filnode.chain.cbor;

import io.filnode.chain.cid.Cid;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads strict DAG-CBOR as Lotus's cbor-gen and the DAG-CBOR spec require: shortest-form heads,
 * definite lengths, no floats or undefined, tag 42 only (for CIDs, with the 0x00 prefix), canonical
 * map key order, bounded nesting. No length header ever allocates more than what remains of the
 * input. Every failure is a {@link CborException} naming the offset.
 */
public final class CborReader {
  /** cbor-gen's default limit on array and map lengths. */
  public static final int MAX_LENGTH = 8192;

  /** cbor-gen's default limit on byte and text strings (2 MiB). */
  public static final int MAX_BYTES = 2 << 20;

  /** How deep generic values may nest before we refuse them. */
  public static final int MAX_DEPTH = 64;

  private final byte[] buf;
  private final int end;
  private int pos;

  public CborReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public CborReader(byte[] bytes, int offset, int length) {
    this.buf = bytes;
    this.pos = offset;
    this.end = offset + length;
  }

  /** A decoder of one value from a reader, as the chain types' {@code decode} methods are. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(CborReader reader) throws CborException;
  }

  /**
   * Decodes exactly one value from {@code bytes} with {@code decoder}: trailing bytes are an error,
   * and the message of any failure starts with {@code what}.
   */
  public static <T> T decodeWhole(byte[] bytes, String what, Decoder<T> decoder)
      throws CborException {
    CborReader r = new CborReader(bytes);
    try {
      T value = decoder.decode(r);
      r.expectEnd();
      return value;
    } catch (CborException e) {
      throw e.within(what);
    }
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return end - pos;
  }

  public boolean atEnd() {
    return pos >= end;
  }

  public void expectEnd() throws CborException {
    if (pos != end) {
      throw new CborException((end - pos) + " trailing bytes after the value", pos);
    }
  }

  private CborException error(String message) {
    return new CborException(message, pos);
  }

  private int peekByte() throws CborException {
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    return buf[pos] & 0xFF;
  }

  /** The major type (0–7) of the next item, without consuming it. */
  public int peekMajorType() throws CborException {
    return peekByte() >>> 5;
  }

  /** True when the next item is {@code null}. */
  public boolean peekNull() throws CborException {
    return peekByte() == 0xF6;
  }

  /**
   * Reads a head of the expected major type and returns its argument as an unsigned 64-bit value (a
   * negative long means ≥ 2^63). Rejects indefinite lengths and non-shortest forms.
   */
  long readHead(int expectedMajor, String what) throws CborException {
    int start = pos;
    int b = peekByte();
    int major = b >>> 5;
    if (major != expectedMajor) {
      throw error(
          "expected " + what + " (major type " + expectedMajor + "), found major type " + major);
    }
    pos++;
    return readArgument(b & 0x1F, start);
  }

  private long readArgument(int info, int start) throws CborException {
    if (info < 24) {
      return info;
    }
    int n;
    switch (info) {
      case 24:
        n = 1;
        break;
      case 25:
        n = 2;
        break;
      case 26:
        n = 4;
        break;
      case 27:
        n = 8;
        break;
      case 31:
        throw new CborException("indefinite lengths are not allowed in DAG-CBOR", start);
      default:
        throw new CborException("reserved additional information " + info, start);
    }
    if (end - pos < n) {
      throw new CborException("unexpected end of input in an item head", start);
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    long minimum = n == 1 ? 24 : n == 2 ? 0x100 : n == 4 ? 0x10000 : 0x1_0000_0000L;
    if (Long.compareUnsigned(v, minimum) < 0) {
      throw new CborException("integer or length not in its shortest form", start);
    }
    return v;
  }

  private int readLength(int major, String what, int max) throws CborException {
    int start = pos;
    long n = readHead(major, what);
    if (n < 0 || n > max) {
      throw new CborException(
          what + " of length " + Long.toUnsignedString(n) + " exceeds the limit " + max, start);
    }
    return (int) n;
  }

  /** An unsigned integer (major type 0) as uint64: a negative long means ≥ 2^63. */
  public long readUint64() throws CborException {
    return readHead(0, "unsigned integer");
  }

  /** An unsigned integer that must fit in a signed long (0 ≤ v < 2^63). */
  public long readUint63() throws CborException {
    int start = pos;
    long v = readUint64();
    if (v < 0) {
      throw new CborException("unsigned integer does not fit in 63 bits", start);
    }
    return v;
  }

  /**
   * A signed integer (major type 0 or 1) that fits in a signed 64-bit long, as cbor-gen's int64.
   */
  public long readInt64() throws CborException {
    int start = pos;
    int major = peekMajorType();
    if (major == 0) {
      long v = readHead(0, "integer");
      if (v < 0) {
        throw new CborException("integer overflows int64", start);
      }
      return v;
    }
    long v = readHead(1, "integer");
    if (v < 0) {
      throw new CborException("negative integer overflows int64", start);
    }
    return -1 - v;
  }

  /** An unsigned integer that must fit in an int (for small enums and counts). */
  public int readUint31(String what) throws CborException {
    int start = pos;
    long v = readUint64();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new CborException(what + " out of range: " + Long.toUnsignedString(v), start);
    }
    return (int) v;
  }

  public byte[] readBytes() throws CborException {
    return readBytes(MAX_BYTES);
  }

  public byte[] readBytes(int max) throws CborException {
    int n = readLength(2, "byte string", max);
    return take(n);
  }

  /** A byte string or {@code null}; null gives {@code null}. */
  public byte[] readBytesOrNull(int max) throws CborException {
    if (peekNull()) {
      pos++;
      return null;
    }
    return readBytes(max);
  }

  private byte[] take(int n) throws CborException {
    if (end - pos < n) {
      throw error("length " + n + " runs past the end of input (" + (end - pos) + " bytes left)");
    }
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  public String readText() throws CborException {
    return readText(MAX_BYTES);
  }

  public String readText(int max) throws CborException {
    int start = pos;
    int n = readLength(3, "text string", max);
    byte[] b = take(n);
    if (isAscii(b)) {
      return new String(b, StandardCharsets.US_ASCII); // the common case needs no decoder
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CborException("text string is not valid UTF-8", start, e);
    }
  }

  private static boolean isAscii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  public int readArrayHeader() throws CborException {
    return readArrayHeader(MAX_LENGTH);
  }

  /**
   * An array header whose length may be up to {@code max}. The length is also bounded by the bytes
   * that remain (every element takes at least one byte), so it is safe to size a list from it.
   */
  public int readArrayHeader(int max) throws CborException {
    int start = pos;
    int n = readLength(4, "array", max);
    if (n > end - pos) {
      throw new CborException("array of " + n + " elements is longer than the input", start);
    }
    return n;
  }

  /** An array header that must have exactly {@code expected} elements (a tuple struct). */
  public void readTupleHeader(int expected, String what) throws CborException {
    int start = pos;
    int n = readArrayHeader();
    if (n != expected) {
      throw new CborException(
          what + " must be an array of " + expected + " fields, found " + n, start);
    }
  }

  public int readMapHeader() throws CborException {
    return readMapHeader(MAX_LENGTH);
  }

  public int readMapHeader(int max) throws CborException {
    int start = pos;
    int n = readLength(5, "map", max);
    if (n > (end - pos) / 2) {
      throw new CborException("map of " + n + " entries is longer than the input", start);
    }
    return n;
  }

  public boolean readBool() throws CborException {
    int b = peekByte();
    if (b == 0xF4 || b == 0xF5) {
      pos++;
      return b == 0xF5;
    }
    throw error("expected a boolean");
  }

  public void readNull() throws CborException {
    if (peekByte() != 0xF6) {
      throw error("expected null");
    }
    pos++;
  }

  /** A CID link: tag 42 over a byte string whose first byte is the 0x00 multibase prefix. */
  public Cid readCid() throws CborException {
    int start = pos;
    long tag = readHead(6, "tag 42 (CID)");
    if (tag != CborWriter.TAG_CID) {
      throw new CborException(
          "only tag 42 (CID) is allowed, found tag " + Long.toUnsignedString(tag), start);
    }
    int bstart = pos;
    byte[] b = readBytes(MAX_BYTES);
    if (b.length == 0 || b[0] != 0) {
      throw new CborException("CID bytes must start with the 0x00 multibase prefix", bstart);
    }
    try {
      return Cid.fromBytes(b, 1, b.length - 1);
    } catch (IllegalArgumentException e) {
      throw new CborException("invalid CID: " + e.getMessage(), bstart, e);
    }
  }

  /** A CID or {@code null}. */
  public Cid readCidOrNull() throws CborException {
    if (peekNull()) {
      pos++;
      return null;
    }
    return readCid();
  }

  public BigInteger readBigInt() throws CborException {
    int start = pos;
    byte[] b = readBytes(BigInts.MAX_SERIALIZED_LENGTH);
    try {
      return BigInts.fromBytes(b);
    } catch (CborException e) {
      throw new CborException(e.getMessage(), start);
    }
  }

  /**
   * Reads one whole item of any type, checking it is canonical DAG-CBOR (sorted unique map keys,
   * strings of valid UTF-8, only tag 42, no floats), and returns its encoded bytes.
   */
  public byte[] readRawValue() throws CborException {
    int start = pos;
    skipValue(0);
    return Arrays.copyOfRange(buf, start, pos);
  }

  /** Skips one item of any type, with the same checks as {@link #readRawValue()}. */
  public void skipValue() throws CborException {
    skipValue(0);
  }

  private void skipValue(int depth) throws CborException {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    int b = peekByte();
    int major = b >>> 5;
    switch (major) {
      case 0:
      case 1:
        readHead(major, "integer");
        return;
      case 2:
        readBytes(MAX_BYTES);
        return;
      case 3:
        readText(MAX_BYTES);
        return;
      case 4:
        {
          int n = readArrayHeader(Integer.MAX_VALUE);
          for (int i = 0; i < n; i++) {
            skipValue(depth + 1);
          }
          return;
        }
      case 5:
        {
          int n = readMapHeader(Integer.MAX_VALUE);
          int prevStart = -1;
          int prevEnd = -1;
          for (int i = 0; i < n; i++) {
            int keyStart = pos;
            if (peekMajorType() != 3) {
              throw error("DAG-CBOR map keys must be strings");
            }
            readText(MAX_BYTES);
            int keyEnd = pos;
            if (prevStart >= 0 && compareKeys(prevStart, prevEnd, keyStart, keyEnd) >= 0) {
              throw new CborException("map keys are not in canonical order or repeat", keyStart);
            }
            prevStart = keyStart;
            prevEnd = keyEnd;
            skipValue(depth + 1);
          }
          return;
        }
      case 6:
        readCid();
        return;
      default:
        if (b == 0xF4 || b == 0xF5 || b == 0xF6) {
          pos++;
          return;
        }
        throw error(
            b >= 0xF9 && b <= 0xFB
                ? "floats are not allowed"
                : "simple value 0x" + Integer.toHexString(b) + " is not allowed");
    }
  }

  /** Canonical key order: shorter encoded key first, then bytewise. */
  private int compareKeys(int aStart, int aEnd, int bStart, int bEnd) {
    int la = aEnd - aStart;
    int lb = bEnd - bStart;
    if (la != lb) {
      return Integer.compare(la, lb);
    }
    return Arrays.compareUnsigned(buf, aStart, aEnd, buf, bStart, bEnd);
  }
}
