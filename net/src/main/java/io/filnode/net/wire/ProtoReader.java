package io.filnode.net.wire;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal protobuf reader over a byte array. It understands wire types 0 (varint), 1 (64-bit), 2
 * (length-delimited) and 5 (32-bit) so unknown fields can be skipped; lengths are checked against
 * the remaining input before anything is copied.
 */
public final class ProtoReader {
  private final byte[] data;
  private final int[] pos = {0};
  private int field;
  private int wireType;

  public ProtoReader(byte[] data) {
    this.data = data;
  }

  /** Advances to the next field; false at the end of the input. */
  public boolean next() throws DecodeException {
    if (pos[0] >= data.length) {
      return false;
    }
    long key = Varint.read(data, pos);
    if (key >>> 3 == 0 || key >>> 3 > Integer.MAX_VALUE) {
      throw new DecodeException("protobuf field number out of range");
    }
    field = (int) (key >>> 3);
    wireType = (int) (key & 7);
    return true;
  }

  public int field() {
    return field;
  }

  public int wireType() {
    return wireType;
  }

  public long readVarint() throws DecodeException {
    expect(0);
    return Varint.read(data, pos);
  }

  public byte[] readBytes() throws DecodeException {
    expect(2);
    long len = Varint.read(data, pos);
    if (len > data.length - pos[0]) {
      throw new DecodeException("protobuf field " + field + " longer than the input");
    }
    byte[] out = Arrays.copyOfRange(data, pos[0], pos[0] + (int) len);
    pos[0] += (int) len;
    return out;
  }

  public String readString() throws DecodeException {
    byte[] b = readBytes();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DecodeException("protobuf field " + field + " is not UTF-8", e);
    }
  }

  /** Skips the current field's value, whatever its wire type. */
  public void skip() throws DecodeException {
    switch (wireType) {
      case 0 -> Varint.read(data, pos);
      case 1 -> advance(8);
      case 2 -> {
        long len = Varint.read(data, pos);
        if (len > data.length - pos[0]) {
          throw new DecodeException("protobuf field " + field + " longer than the input");
        }
        pos[0] += (int) len;
      }
      case 5 -> advance(4);
      default -> throw new DecodeException("unsupported protobuf wire type " + wireType);
    }
  }

  private void advance(int n) throws DecodeException {
    if (n > data.length - pos[0]) {
      throw new DecodeException("truncated protobuf field " + field);
    }
    pos[0] += n;
  }

  private void expect(int type) throws DecodeException {
    if (wireType != type) {
      throw new DecodeException(
          "protobuf field " + field + " has wire type " + wireType + ", expected " + type);
    }
  }
}
