package io.filnode.net.identity;

import io.filnode.net.wire.DecodeException;

/** The libp2p key types with their protobuf enum numbers. */
public enum KeyType {
  RSA(0),
  ED25519(1),
  SECP256K1(2),
  ECDSA(3);

  private final int code;

  KeyType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static KeyType fromCode(long code) throws DecodeException {
    for (KeyType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new DecodeException("unknown key type " + code);
  }
}
