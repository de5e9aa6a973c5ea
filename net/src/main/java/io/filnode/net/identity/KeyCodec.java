package io.filnode.net.identity;

import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.ProtoReader;
import io.filnode.net.wire.ProtoWriter;

/**
 * The libp2p key protobuf ({@code PublicKey}/{@code PrivateKey}: Type = 1, Data = 2) and the
 * dispatch from key type to implementation.
 */
public final class KeyCodec {
  /** No key we accept serializes larger (an 8192-bit RSA key is about 1.1 KB). */
  static final int MAX_KEY_BYTES = 4096;

  private KeyCodec() {}

  static byte[] encode(KeyType type, byte[] data) {
    return new ProtoWriter().varint(1, type.code()).bytes(2, data).toByteArray();
  }

  private record Parsed(KeyType type, byte[] data) {}

  private static Parsed parse(byte[] bytes) throws DecodeException {
    if (bytes.length > MAX_KEY_BYTES) {
      throw new DecodeException("key protobuf too large: " + bytes.length + " bytes");
    }
    ProtoReader r = new ProtoReader(bytes);
    KeyType type = null;
    byte[] data = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> type = KeyType.fromCode(r.readVarint());
        case 2 -> data = r.readBytes();
        default -> throw new DecodeException("unexpected field " + r.field() + " in key protobuf");
      }
    }
    if (type == null || data == null) {
      throw new DecodeException("key protobuf lacks Type or Data");
    }
    return new Parsed(type, data);
  }

  /** Decodes a {@code PublicKey} protobuf and checks the key material. */
  public static PubKey decodePublic(byte[] bytes) throws DecodeException {
    Parsed p = parse(bytes);
    return switch (p.type) {
      case ED25519 -> Ed25519Keys.publicKey(p.data);
      case SECP256K1 -> Secp256k1Keys.publicKey(p.data);
      case ECDSA -> JdkPubKey.ecdsa(p.data);
      case RSA -> JdkPubKey.rsa(p.data);
    };
  }

  /** Decodes a {@code PrivateKey} protobuf (Ed25519 and secp256k1, the types we sign with). */
  public static PrivKey decodePrivate(byte[] bytes) throws DecodeException {
    Parsed p = parse(bytes);
    return switch (p.type) {
      case ED25519 -> Ed25519Keys.privateKey(p.data);
      case SECP256K1 -> Secp256k1Keys.privateKey(p.data);
      case ECDSA, RSA -> throw new DecodeException(p.type + " host keys are not supported");
    };
  }
}
