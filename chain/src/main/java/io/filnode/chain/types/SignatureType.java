package io.filnode.chain.types;

/** Signature types as go-state-types' {@code crypto.SigType} numbers them. */
public enum SignatureType {
  SECP256K1(1),
  BLS(2);

  private final int code;

  SignatureType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type with this code, or null when there is none. */
  public static SignatureType ofCode(int code) {
    switch (code) {
      case 1:
        return SECP256K1;
      case 2:
        return BLS;
      default:
        return null;
    }
  }
}
