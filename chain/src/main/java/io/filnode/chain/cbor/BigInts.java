package io.filnode.chain.cbor;

import java.math.BigInteger;

/**
 * Filecoin's serialization of big integers (go-state-types {@code big.Int}): a sign byte (0 for
 * positive, 1 for negative) followed by the big-endian magnitude; zero is the empty string.
 *
 * <p>Decoding is strict: Lotus re-encodes every value before hashing it, so a redundant leading
 * zero or a sign byte without magnitude can never be part of a valid signed or hashed object.
 */
public final class BigInts {
  /** go-state-types' {@code BigIntMaxSerializedLen}. */
  public static final int MAX_SERIALIZED_LENGTH = 128;

  private BigInts() {}

  public static byte[] toBytes(BigInteger value) {
    int sign = value.signum();
    if (sign == 0) {
      return new byte[0];
    }
    byte[] mag = value.abs().toByteArray();
    int skip = mag[0] == 0 ? 1 : 0; // two's complement sign byte of a positive magnitude
    byte[] out = new byte[mag.length - skip + 1];
    out[0] = (byte) (sign < 0 ? 1 : 0);
    System.arraycopy(mag, skip, out, 1, mag.length - skip);
    return out;
  }

  public static BigInteger fromBytes(byte[] bytes) throws CborException {
    if (bytes.length == 0) {
      return BigInteger.ZERO;
    }
    if (bytes.length > MAX_SERIALIZED_LENGTH) {
      throw new CborException(
          "big integer of " + bytes.length + " bytes exceeds " + MAX_SERIALIZED_LENGTH, -1);
    }
    if (bytes[0] != 0 && bytes[0] != 1) {
      throw new CborException("big integer sign byte must be 0 or 1, got " + bytes[0], -1);
    }
    if (bytes.length == 1 || bytes[1] == 0) {
      throw new CborException("big integer is not minimally encoded", -1);
    }
    BigInteger mag = new BigInteger(1, bytes, 1, bytes.length - 1);
    return bytes[0] == 1 ? mag.negate() : mag;
  }
}
