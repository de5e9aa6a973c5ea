package io.filnode.net.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protobuf writer for the few libp2p messages (keys, Noise payload, identify). Fields are
 * written in the order the caller gives, which is the canonical (field-number) order when callers
 * write them ascending.
 */
public final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private void rawVarint(long v) {
    byte[] b = Varint.encode(v);
    out.write(b, 0, b.length);
  }

  public ProtoWriter varint(int field, long value) {
    rawVarint((long) field << 3);
    rawVarint(value);
    return this;
  }

  public ProtoWriter bytes(int field, byte[] value) {
    rawVarint(((long) field << 3) | 2);
    rawVarint(value.length);
    out.write(value, 0, value.length);
    return this;
  }

  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
