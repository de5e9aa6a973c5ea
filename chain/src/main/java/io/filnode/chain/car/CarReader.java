package io.filnode.chain.car;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.filnode.chain.blockstore.Block;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.cid.Varint;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CAR v1 stream one block at a time: plain, zstd- or gzip-compressed (recognised by their
 * magic bytes). Every block's bytes are hashed and compared with its CID before it is returned; a
 * mismatch stops the reading. Lengths are bounded ({@link #MAX_HEADER_BYTES}, {@link
 * #MAX_SECTION_BYTES}) and trusted for allocation only up to 1 MiB: a longer section is read in
 * chunks, so a forged length costs at most 1 MiB more memory than the bytes that are really there.
 */
public final class CarReader implements AutoCloseable {
  /** The largest header we accept. */
  public static final int MAX_HEADER_BYTES = 1 << 20;

  /** The largest section (CID and block) we accept; Filecoin blocks stay far below this. */
  public static final int MAX_SECTION_BYTES = 8 << 20;

  /** The size of the read buffers, before and after decompression. */
  private static final int BUFFER_BYTES = 1 << 20;

  /** Sections up to this size are read into one array at once; larger ones in chunks. */
  private static final int EAGER_READ_BYTES = 1 << 20;

  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
  private static final byte[] GZIP_MAGIC = {0x1F, (byte) 0x8B};

  private final InputStream in;
  private final CarHeader header;
  private final boolean verify;
  private long offset;
  private long sectionOffset;
  private long blocks;
  private long blockBytes;

  private CarReader(InputStream in, boolean verify) throws CarException {
    this.in = in;
    this.verify = verify;
    long len = readVarint("header length", true);
    if (len <= 0 || len > MAX_HEADER_BYTES) {
      throw new CarException(
          "CAR header length " + len + " is outside 1.." + MAX_HEADER_BYTES + " bytes");
    }
    byte[] h = readFully((int) len, () -> "the header");
    try {
      this.header = CarHeader.decode(h);
    } catch (CborException e) {
      throw new CarException("bad CAR header: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the header from {@code in} (taking ownership of it: {@link #close()} closes it), with
   * every block's hash checked.
   */
  public static CarReader open(InputStream in) throws CarException {
    return open(in, true);
  }

  /**
   * As {@link #open(InputStream)}; {@code verify = false} skips the hash checks, for a second pass
   * over a stream whose blocks were already checked (see {@link CarImporter}).
   */
  public static CarReader open(InputStream in, boolean verify) throws CarException {
    try {
      return new CarReader(decompressing(in), verify);
    } catch (CarException | RuntimeException e) {
      closeQuietly(in, e);
      throw e;
    } catch (IOException e) {
      closeQuietly(in, e);
      throw new CarException("reading the CAR: " + e.getMessage(), e);
    }
  }

  /** Opens a CAR file. */
  public static CarReader open(Path file) throws CarException {
    try {
      return open(Files.newInputStream(file));
    } catch (IOException e) {
      throw new CarException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(InputStream in, Exception primary) {
    try {
      in.close();
    } catch (IOException suppressed) {
      primary.addSuppressed(suppressed);
    }
  }

  /**
   * Wraps {@code raw} in a decompressor when it starts with the zstd or gzip magic. Buffers are
   * large (1 MiB) because CAR snapshots are read in one sweep and each refill of a compressed
   * stream is a native call.
   */
  static InputStream decompressing(InputStream raw) throws IOException {
    BufferedInputStream b = new BufferedInputStream(raw, BUFFER_BYTES);
    b.mark(4);
    byte[] magic = b.readNBytes(4);
    b.reset();
    if (startsWith(magic, ZSTD_MAGIC)) {
      return new BufferedInputStream(new ZstdInputStreamNoFinalizer(b), BUFFER_BYTES);
    }
    if (startsWith(magic, GZIP_MAGIC)) {
      return new BufferedInputStream(new GZIPInputStream(b, 1 << 16), BUFFER_BYTES);
    }
    return b;
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  public CarHeader header() {
    return header;
  }

  /** Blocks returned so far. */
  public long blocks() {
    return blocks;
  }

  /** Bytes of block data (without CIDs and framing) returned so far. */
  public long blockBytes() {
    return blockBytes;
  }

  /** Where, in the uncompressed stream, the section of the last block returned starts. */
  public long sectionOffset() {
    return sectionOffset;
  }

  /** Bytes of the uncompressed CAR stream consumed so far. */
  public long offset() {
    return offset;
  }

  /**
   * The next block, or null at the end of the stream.
   *
   * @throws CarException when the stream is truncated, malformed or a block does not match its CID
   */
  public Block next() throws CarException {
    long sectionStart = offset;
    long len = readVarint("section length", false);
    if (len < 0) {
      return null;
    }
    long number = blocks + 1;
    // built only for an error message: most sections are fine
    Supplier<String> where = () -> where(number, sectionStart);
    if (len == 0 || len > MAX_SECTION_BYTES) {
      throw new CarException(
          where.get() + ": length " + len + " is outside 1.." + MAX_SECTION_BYTES + " bytes");
    }
    byte[] section = readFully((int) len, where);
    int cidLength = cidLength(section, where);
    Cid cid;
    try {
      cid = Cid.fromBytes(section, 0, cidLength);
    } catch (IllegalArgumentException e) {
      throw new CarException(where.get() + ": invalid CID: " + e.getMessage(), e);
    }
    byte[] data = Arrays.copyOfRange(section, cidLength, section.length);
    if (verify) {
      check(cid, data, number, sectionStart);
    }
    blocks++;
    blockBytes += data.length;
    sectionOffset = sectionStart;
    return new Block(cid, data);
  }

  /**
   * Checks that {@code data} hashes to {@code cid}, naming the section (counted from 1) and its
   * offset when it does not. Thread-safe: {@link CarImporter} checks blocks on another thread.
   */
  static void check(Cid cid, byte[] data, long section, long offset) throws CarException {
    if (!Multihash.canCompute(cid.hashFunction())) {
      throw new CarException(
          where(section, offset)
              + ": cannot check block "
              + cid
              + ": unsupported hash function "
              + Multihash.name(cid.hashFunction()));
    }
    if (!cid.matches(data)) {
      throw new CarException(where(section, offset) + ": block data does not match its CID " + cid);
    }
  }

  private static String where(long section, long offset) {
    return "section " + section + " at offset " + offset;
  }

  /** The length of the CID at the start of a section, from its varint fields. */
  private static int cidLength(byte[] s, Supplier<String> where) throws CarException {
    if (s.length >= 2 && s[0] == 0x12 && s[1] == 0x20) {
      if (s.length < 34) {
        throw new CarException(where.get() + ": section too short for its v0 CID");
      }
      return 34;
    }
    try {
      int p = 0;
      for (int field = 0; field < 3; field++) {
        p += Varint.size(Varint.read(s, p, s.length));
      }
      long digestLength = Varint.read(s, p, s.length);
      p += Varint.size(digestLength);
      if (digestLength > s.length - p) {
        throw new CarException(where.get() + ": CID digest runs past the end of the section");
      }
      return p + (int) digestLength;
    } catch (IllegalArgumentException e) {
      throw new CarException(where.get() + ": invalid CID: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an unsigned varint. At a clean end of stream before its first byte, returns -1 unless
   * {@code headerRequired}.
   */
  private long readVarint(String what, boolean headerRequired) throws CarException {
    long value = 0;
    for (int i = 0; i < Varint.MAX_BYTES; i++) {
      int b = readByte();
      if (b < 0) {
        if (i == 0 && !headerRequired) {
          return -1;
        }
        throw new CarException(
            "truncated CAR: the stream ends inside the " + what + " at offset " + offset);
      }
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new CarException(what + " at offset " + offset + " is not a minimal varint");
        }
        if (value < 0) {
          throw new CarException(what + " at offset " + offset + " exceeds 63 bits");
        }
        return value;
      }
    }
    throw new CarException(what + " at offset " + offset + " is a varint longer than 9 bytes");
  }

  private int readByte() throws CarException {
    try {
      int b = in.read();
      if (b >= 0) {
        offset++;
      }
      return b;
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /**
   * Reads exactly {@code n} bytes. Up to {@link #EAGER_READ_BYTES} straight into an array of that
   * size; beyond, allocating only as the bytes arrive.
   */
  private byte[] readFully(int n, Supplier<String> what) throws CarException {
    byte[] b;
    try {
      if (n <= EAGER_READ_BYTES) {
        b = new byte[n];
        int got = in.readNBytes(b, 0, n);
        if (got < n) {
          b = Arrays.copyOf(b, got);
        }
      } else {
        b = in.readNBytes(n);
      }
    } catch (IOException e) {
      throw ioFailure(e);
    }
    offset += b.length;
    if (b.length < n) {
      throw new CarException(
          "truncated CAR: "
              + what.get()
              + " needs "
              + n
              + " bytes but the stream ends after "
              + b.length);
    }
    return b;
  }

  private CarException ioFailure(IOException e) {
    // decompressors report corrupt or truncated input as IOExceptions too: keep their message
    String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new CarException("reading the CAR at offset " + offset + ": " + why, e);
  }

  @Override
  public void close() throws CarException {
    try {
      in.close();
    } catch (IOException e) {
      throw new CarException("closing the CAR: " + e.getMessage(), e);
    }
  }
}
