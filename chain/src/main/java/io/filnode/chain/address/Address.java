package io.filnode.chain.address;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Multibase;
import io.filnode.chain.cid.Varint;
import io.filnode.chain.crypto.Blake2b;
import java.util.Arrays;

/**
 * A Filecoin address as go-address defines it: a protocol byte followed by the payload. Immutable;
 * equality and order are those of the bytes.
 */
public final class Address implements Comparable<Address> {
  /** go-address's longest string: network, protocol and 84 base32 characters. */
  public static final int MAX_STRING_LENGTH = 2 + 84;

  private static final int CHECKSUM_LENGTH = 4;

  private final byte[] bytes;
  private int hash;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Address newId(long id) {
    if (id < 0) {
      throw new IllegalArgumentException(
          "ID address " + Long.toUnsignedString(id) + " is not below 2^63");
    }
    byte[] b = new byte[1 + Varint.size(id)];
    b[0] = 0;
    Varint.write(id, b, 1);
    return new Address(b);
  }

  public static Address newSecp256k1(byte[] uncompressedPublicKey) {
    return withPayload(Protocol.SECP256K1, Blake2b.sum160(uncompressedPublicKey));
  }

  /** An actor address: blake2b-160 of the creating data (as the init actor computes). */
  public static Address newActor(byte[] data) {
    return withPayload(Protocol.ACTOR, Blake2b.sum160(data));
  }

  public static Address newBls(byte[] publicKey) {
    return withPayload(Protocol.BLS, publicKey);
  }

  private static Address withPayload(Protocol p, byte[] payload) {
    if (payload.length != p.payloadLength()) {
      throw new IllegalArgumentException(
          p + " address payload must be " + p.payloadLength() + " bytes, got " + payload.length);
    }
    byte[] b = new byte[1 + payload.length];
    b[0] = (byte) p.code();
    System.arraycopy(payload, 0, b, 1, payload.length);
    return new Address(b);
  }

  /**
   * Parses the binary form.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Address fromBytes(byte[] b) {
    if (b.length < 2) {
      throw new IllegalArgumentException("address of " + b.length + " bytes is too short");
    }
    Protocol p = Protocol.of(b[0] & 0xFF);
    if (p == Protocol.ID) {
      long id = Varint.read(b, 1, b.length);
      if (1 + Varint.size(id) != b.length) {
        throw new IllegalArgumentException("ID address has bytes after its varint");
      }
    } else if (b.length - 1 != p.payloadLength()) {
      throw new IllegalArgumentException(
          p + " address payload must be " + p.payloadLength() + " bytes, got " + (b.length - 1));
    }
    return new Address(b.clone());
  }

  /**
   * Parses the string form ({@code f0123}, {@code f1…}, {@code t3…}); either network prefix.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Address parse(String s) {
    if (s.length() < 3 || s.length() > MAX_STRING_LENGTH) {
      throw new IllegalArgumentException("address '" + s + "' has an invalid length " + s.length());
    }
    char net = s.charAt(0);
    if (net != 'f' && net != 't') {
      throw new IllegalArgumentException(
          "address '" + s + "' has an unknown network prefix '" + net + "'");
    }
    char pc = s.charAt(1);
    if (pc < '0' || pc > '3') {
      throw new IllegalArgumentException(
          "address '" + s + "' has an unknown protocol '" + pc + "'");
    }
    Protocol p = Protocol.of(pc - '0');
    String raw = s.substring(2);
    if (p == Protocol.ID) {
      if (raw.length() > 20 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("ID address '" + s + "' must be a decimal number");
      }
      long id;
      try {
        id = Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ID address '" + s + "' is not below 2^63", e);
      }
      return newId(id);
    }
    if (!raw.equals(raw.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException("address '" + s + "' must be lower-case");
    }
    byte[] decoded;
    try {
      decoded = Multibase.decodeBase32(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("address '" + s + "': " + e.getMessage(), e);
    }
    if (decoded.length - CHECKSUM_LENGTH != p.payloadLength()) {
      throw new IllegalArgumentException(
          "address '" + s + "' has a payload of the wrong length for protocol " + p.code());
    }
    byte[] b = new byte[1 + p.payloadLength()];
    b[0] = (byte) p.code();
    System.arraycopy(decoded, 0, b, 1, p.payloadLength());
    byte[] sum = Blake2b.sum32(b);
    if (!Arrays.equals(sum, 0, 4, decoded, p.payloadLength(), decoded.length)) {
      throw new IllegalArgumentException("address '" + s + "' has a bad checksum");
    }
    return new Address(b);
  }

  public Protocol protocol() {
    return Protocol.of(bytes[0]);
  }

  public byte[] payload() {
    return Arrays.copyOfRange(bytes, 1, bytes.length);
  }

  /** The binary form (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The actor ID of an ID address. */
  public long id() {
    if (bytes[0] != 0) {
      throw new IllegalStateException("not an ID address: " + this);
    }
    return Varint.read(bytes, 1, bytes.length);
  }

  public boolean isId() {
    return bytes[0] == 0;
  }

  public void encode(CborWriter w) {
    w.writeBytes(bytes);
  }

  /** An address as cbor-gen reads it: a byte string of at most 64 bytes, never empty. */
  public static Address decode(CborReader r) throws CborException {
    int start = r.position();
    byte[] b = r.readBytes(64);
    try {
      return fromBytes(b);
    } catch (IllegalArgumentException e) {
      throw new CborException("invalid address: " + e.getMessage(), start, e);
    }
  }

  public String toString(Network network) {
    StringBuilder sb = new StringBuilder(MAX_STRING_LENGTH);
    sb.append(network.prefix()).append((char) ('0' + bytes[0]));
    if (isId()) {
      sb.append(id());
    } else {
      byte[] sum = Blake2b.sum32(bytes);
      byte[] pc = Arrays.copyOfRange(bytes, 1, bytes.length + CHECKSUM_LENGTH);
      System.arraycopy(sum, 0, pc, bytes.length - 1, CHECKSUM_LENGTH);
      sb.append(Multibase.encodeBase32(pc));
    }
    return sb.toString();
  }

  /** The mainnet form ({@code f…}). */
  @Override
  public String toString() {
    return toString(Network.MAINNET);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address && Arrays.equals(bytes, ((Address) o).bytes);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }
}
