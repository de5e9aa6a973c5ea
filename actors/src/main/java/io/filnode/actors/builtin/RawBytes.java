package io.filnode.actors.builtin;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborWriter;

/**
 * Bytes that are already CBOR and are written as they are (specs-actors' {@code CBORBytes}): the
 * parameters a multisig or payment channel forwards, or a cron event's payload.
 */
public final class RawBytes implements CborEncodable {
  private final byte[] bytes;

  public RawBytes(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public void encode(CborWriter w) {
    w.writeRaw(bytes);
  }
}
