package io.filnode.net.identity;

/** A peer's public key: verifies signatures and serializes to the libp2p key protobuf. */
public interface PubKey {
  KeyType type();

  /** The key in its type's own format (the protobuf {@code Data} field). */
  byte[] raw();

  /** True when {@code signature} is this key's valid signature of {@code data}. */
  boolean verify(byte[] data, byte[] signature);

  /** The {@code PublicKey} protobuf, whose bytes define the peer ID. */
  default byte[] bytes() {
    return KeyCodec.encode(type(), raw());
  }

  default PeerId peerId() {
    return PeerId.fromPublicKey(this);
  }
}
