package io.filnode.chain.address;

/** Address protocols of the Filecoin network versions filnode implements. */
public enum Protocol {
  /** An actor ID: an unsigned varint below 2^63. */
  ID(0, -1),
  /** blake2b-160 of an uncompressed secp256k1 public key. */
  SECP256K1(1, 20),
  /** blake2b-160 of the bytes an actor was created from. */
  ACTOR(2, 20),
  /** A 48-byte compressed BLS12-381 G1 public key. */
  BLS(3, 48);

  private final int code;
  private final int payloadLength;

  Protocol(int code, int payloadLength) {
    this.code = code;
    this.payloadLength = payloadLength;
  }

  public int code() {
    return code;
  }

  /** The fixed payload length, or -1 for ID addresses. */
  public int payloadLength() {
    return payloadLength;
  }

  public static Protocol of(int code) {
    switch (code) {
      case 0:
        return ID;
      case 1:
        return SECP256K1;
      case 2:
        return ACTOR;
      case 3:
        return BLS;
      default:
        throw new IllegalArgumentException("unknown address protocol " + code);
    }
  }
}
