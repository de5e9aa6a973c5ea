package io.filnode.net.pubsub;

import java.util.Arrays;
import java.util.HexFormat;

/** A message ID as a map key. */
record MsgId(byte[] bytes) {
  @Override
  public boolean equals(Object o) {
    return o instanceof MsgId m && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
