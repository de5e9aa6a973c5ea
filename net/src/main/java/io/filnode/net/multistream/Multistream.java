package io.filnode.net.multistream;

import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** multistream-select 1.0.0 messages: a varint length, then a UTF-8 line ending in {@code \n}. */
public final class Multistream {
  public static final String PROTOCOL_ID = "/multistream/1.0.0";
  public static final String NA = "na";
  public static final String LS = "ls";

  /** Longest line accepted (protocol ids are short; go and js use similar limits). */
  public static final int MAX_LINE = 1024;

  /** Proposals a responder answers with "na" before it gives up on the peer. */
  public static final int MAX_ATTEMPTS = 32;

  private Multistream() {}

  /** Writes one line. */
  public static void writeLine(ByteBuf out, String line) {
    byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
    Varint.write(out, b.length);
    out.writeBytes(b);
  }

  public static ByteBuf line(ByteBufAllocator alloc, String... lines) {
    ByteBuf b = alloc.heapBuffer();
    for (String l : lines) {
      writeLine(b, l);
    }
    return b;
  }

  /** The answer to {@code ls}: one message holding each protocol as its own line, then "\n". */
  public static byte[] lsResponse(Collection<String> protocols) {
    ByteBuf inner = io.netty.buffer.Unpooled.buffer();
    for (String p : protocols) {
      writeLine(inner, p);
    }
    inner.writeByte('\n');
    byte[] out = new byte[inner.readableBytes()];
    inner.readBytes(out);
    inner.release();
    return out;
  }

  /**
   * Reads a whole line if it is there (else null, index unchanged).
   *
   * @throws DecodeException when the length is over {@link #MAX_LINE} or the line is malformed
   */
  public static String tryReadLine(ByteBuf in) throws DecodeException {
    int start = in.readerIndex();
    long len = Varint.tryRead(in);
    if (len == Varint.INCOMPLETE) {
      return null;
    }
    if (len > MAX_LINE) {
      throw new DecodeException("multistream line of " + len + " bytes is too long");
    }
    if (in.readableBytes() < len) {
      in.readerIndex(start);
      return null;
    }
    byte[] b = new byte[(int) len];
    in.readBytes(b);
    return parseLine(b);
  }

  /** Checks and strips a line's {@code \n}. */
  public static String parseLine(byte[] b) throws DecodeException {
    if (b.length == 0 || b[b.length - 1] != '\n') {
      throw new DecodeException("multistream line does not end in a newline");
    }
    for (int i = 0; i < b.length - 1; i++) {
      if (b[i] == '\n' || (b[i] >= 0 && b[i] < 0x20)) {
        throw new DecodeException("control character in a multistream line");
      }
    }
    String s = new String(b, 0, b.length - 1, StandardCharsets.UTF_8);
    if (s.indexOf('\uFFFD') >= 0) {
      throw new DecodeException("multistream line is not UTF-8");
    }
    return s;
  }
}
