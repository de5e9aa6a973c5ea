package io.filnode.chain.cbor;

import io.filnode.chain.cid.Cid;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes canonical DAG-CBOR: shortest-form heads, definite lengths, CIDs as tag 42 over the CID
 * bytes with the 0x00 multibase prefix. Callers write map keys in canonical order themselves (the
 * chain types are tuples; the few maps have fixed, pre-sorted keys).
 */
public final class CborWriter {
  static final int MAJOR_UINT = 0;
  static final int MAJOR_NEGINT = 1;
  static final int MAJOR_BYTES = 2;
  static final int MAJOR_TEXT = 3;
  static final int MAJOR_ARRAY = 4;
  static final int MAJOR_MAP = 5;
  static final int MAJOR_TAG = 6;
  static final int MAJOR_SIMPLE = 7;
  static final int TAG_CID = 42;

  private byte[] buf;
  private int len;

  public CborWriter() {
    this(128);
  }

  public CborWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** Writes a head: major type and an unsigned argument (interpreted as uint64), shortest form. */
  void writeHead(int major, long arg) {
    ensure(9);
    int mt = major << 5;
    if (arg >= 0 && arg < 24) {
      buf[len++] = (byte) (mt | (int) arg);
    } else if (arg >= 0 && arg <= 0xFF) {
      buf[len++] = (byte) (mt | 24);
      buf[len++] = (byte) arg;
    } else if (arg >= 0 && arg <= 0xFFFF) {
      buf[len++] = (byte) (mt | 25);
      buf[len++] = (byte) (arg >>> 8);
      buf[len++] = (byte) arg;
    } else if (arg >= 0 && arg <= 0xFFFF_FFFFL) {
      buf[len++] = (byte) (mt | 26);
      for (int s = 24; s >= 0; s -= 8) {
        buf[len++] = (byte) (arg >>> s);
      }
    } else {
      buf[len++] = (byte) (mt | 27);
      for (int s = 56; s >= 0; s -= 8) {
        buf[len++] = (byte) (arg >>> s);
      }
    }
  }

  /** An unsigned integer; {@code value} is read as uint64 (negative longs are values ≥ 2^63). */
  public CborWriter writeUint64(long value) {
    writeHead(MAJOR_UINT, value);
    return this;
  }

  /** A signed 64-bit integer (major type 0 or 1). */
  public CborWriter writeInt64(long value) {
    if (value >= 0) {
      writeHead(MAJOR_UINT, value);
    } else {
      writeHead(MAJOR_NEGINT, -1 - value);
    }
    return this;
  }

  public CborWriter writeBytes(byte[] bytes) {
    writeHead(MAJOR_BYTES, bytes.length);
    writeRaw(bytes);
    return this;
  }

  public CborWriter writeText(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    writeHead(MAJOR_TEXT, b.length);
    writeRaw(b);
    return this;
  }

  public CborWriter writeArrayHeader(int size) {
    writeHead(MAJOR_ARRAY, size);
    return this;
  }

  public CborWriter writeMapHeader(int size) {
    writeHead(MAJOR_MAP, size);
    return this;
  }

  public CborWriter writeBool(boolean value) {
    ensure(1);
    buf[len++] = (byte) (value ? 0xF5 : 0xF4);
    return this;
  }

  public CborWriter writeNull() {
    ensure(1);
    buf[len++] = (byte) 0xF6;
    return this;
  }

  /** A CID link: tag 42 over the CID's bytes with the identity multibase prefix 0x00. */
  public CborWriter writeCid(Cid cid) {
    byte[] b = cid.bytes();
    writeHead(MAJOR_TAG, TAG_CID);
    writeHead(MAJOR_BYTES, b.length + 1L);
    ensure(b.length + 1);
    buf[len++] = 0;
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** A CID or null. */
  public CborWriter writeCidOrNull(Cid cid) {
    return cid == null ? writeNull() : writeCid(cid);
  }

  /**
   * A Filecoin big integer: a byte string of sign byte then big-endian magnitude; zero is empty.
   */
  public CborWriter writeBigInt(BigInteger value) {
    return writeBytes(BigInts.toBytes(value));
  }

  /** Appends bytes that are already canonical DAG-CBOR (or the payload of a string). */
  public CborWriter writeRaw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
    return this;
  }

  public int size() {
    return len;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }
}
