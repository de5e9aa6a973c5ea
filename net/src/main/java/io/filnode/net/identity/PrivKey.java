package io.filnode.net.identity;

/** A host's private key: signs and knows its public half. */
public interface PrivKey {
  KeyType type();

  /** The key in its type's own format (the protobuf {@code Data} field). */
  byte[] raw();

  byte[] sign(byte[] data);

  PubKey publicKey();

  /** The {@code PrivateKey} protobuf, as stored on disk. */
  default byte[] bytes() {
    return KeyCodec.encode(type(), raw());
  }
}
