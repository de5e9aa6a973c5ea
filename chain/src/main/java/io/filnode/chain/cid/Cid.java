package io.filnode.chain.cid;

import java.util.Arrays;

/**
 * A content identifier, v0 or v1, held as its binary form. Equality and order are those of the
 * bytes (go-cid's {@code KeyString}). v1 prints in lower-case base32 ({@code b…}), v0 in base58btc
 * ({@code Qm…}).
 */
public final class Cid implements Comparable<Cid> {
  public static final long DAG_CBOR = 0x71;
  public static final long RAW = 0x55;
  public static final long DAG_PB = 0x70;
  public static final long LIBP2P_KEY = 0x72;
  public static final long FIL_COMMITMENT_UNSEALED = 0xf101;
  public static final long FIL_COMMITMENT_SEALED = 0xf102;

  private final byte[] bytes;
  private final int version;
  private final long codec;
  private final long hashFunction;
  private final int digestOffset;
  private int hash;

  private Cid(byte[] bytes, int version, long codec, long hashFunction, int digestOffset) {
    this.bytes = bytes;
    this.version = version;
    this.codec = codec;
    this.hashFunction = hashFunction;
    this.digestOffset = digestOffset;
  }

  /** A v1 CID from its parts. */
  public static Cid v1(long codec, long hashFunction, byte[] digest) {
    byte[] out =
        new byte
            [1
                + Varint.size(codec)
                + Varint.size(hashFunction)
                + Varint.size(digest.length)
                + digest.length];
    int o = Varint.write(1, out, 0);
    o = Varint.write(codec, out, o);
    o = Varint.write(hashFunction, out, o);
    o = Varint.write(digest.length, out, o);
    System.arraycopy(digest, 0, out, o, digest.length);
    return new Cid(out, 1, codec, hashFunction, o);
  }

  /**
   * The CID of {@code data} as a DAG-CBOR block hashed with blake2b-256, as Filecoin blocks are.
   */
  public static Cid ofDagCbor(byte[] data) {
    return v1(DAG_CBOR, Multihash.BLAKE2B_256, Multihash.digest(Multihash.BLAKE2B_256, data));
  }

  /** The CID of {@code data} with the given codec and hash function. */
  public static Cid of(long codec, long hashFunction, byte[] data) {
    return v1(codec, hashFunction, Multihash.digest(hashFunction, data));
  }

  public static Cid fromBytes(byte[] b) {
    return fromBytes(b, 0, b.length);
  }

  /**
   * Parses the binary form.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Cid fromBytes(byte[] in, int off, int len) {
    int end = off + len;
    if (len == 34 && in[off] == 0x12 && in[off + 1] == 0x20) {
      return new Cid(Arrays.copyOfRange(in, off, end), 0, DAG_PB, Multihash.SHA2_256, 2);
    }
    int p = off;
    long version = Varint.read(in, p, end);
    p += Varint.size(version);
    if (version != 1) {
      throw new IllegalArgumentException("unsupported CID version " + version);
    }
    long codec = Varint.read(in, p, end);
    p += Varint.size(codec);
    long mh = Varint.read(in, p, end);
    p += Varint.size(mh);
    long dlen = Varint.read(in, p, end);
    p += Varint.size(dlen);
    if (dlen != end - p) {
      throw new IllegalArgumentException(
          "multihash digest length " + dlen + " does not match the " + (end - p) + " bytes left");
    }
    return new Cid(Arrays.copyOfRange(in, off, end), 1, codec, mh, p - off);
  }

  /**
   * Parses the text form: a v0 CID in base58btc ({@code Qm…}) or a multibase string (base32 {@code
   * b}/{@code B}, base58btc {@code z}, base16 {@code f}/{@code F}).
   */
  public static Cid parse(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty CID string");
    }
    if (s.length() == 46 && s.startsWith("Qm")) {
      Cid c = fromBytes(Multibase.decodeBase58(s));
      if (c.version != 0) {
        throw new IllegalArgumentException("Qm… string is not a v0 CID");
      }
      return c;
    }
    char prefix = s.charAt(0);
    String rest = s.substring(1);
    byte[] b;
    switch (prefix) {
      case 'b':
        if (!rest.equals(rest.toLowerCase(java.util.Locale.ROOT))) {
          throw new IllegalArgumentException("base32 'b' CID must be lower-case");
        }
        b = Multibase.decodeBase32(rest);
        break;
      case 'B':
        if (!rest.equals(rest.toUpperCase(java.util.Locale.ROOT))) {
          throw new IllegalArgumentException("base32 'B' CID must be upper-case");
        }
        b = Multibase.decodeBase32(rest);
        break;
      case 'z':
        b = Multibase.decodeBase58(rest);
        break;
      case 'f':
      case 'F':
        b = Hex.decode(rest);
        break;
      default:
        throw new IllegalArgumentException("unsupported multibase prefix '" + prefix + "'");
    }
    Cid c = fromBytes(b);
    if (c.version == 0) {
      throw new IllegalArgumentException("a v0 CID must not carry a multibase prefix");
    }
    return c;
  }

  public int version() {
    return version;
  }

  public long codec() {
    return codec;
  }

  public long hashFunction() {
    return hashFunction;
  }

  /** The digest of the multihash. */
  public byte[] digest() {
    return Arrays.copyOfRange(bytes, digestOffset, bytes.length);
  }

  /** The binary form (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The length of the binary form. */
  public int byteLength() {
    return bytes.length;
  }

  /** Writes the binary form into {@code out} at {@code offset}. */
  public void copyBytesTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, bytes.length);
  }

  /** True when {@code data} hashes to this CID's digest (false if the hash is not computable). */
  public boolean matches(byte[] data) {
    if (!Multihash.canCompute(hashFunction)) {
      return false;
    }
    byte[] d = Multihash.digest(hashFunction, data);
    return Arrays.equals(d, 0, d.length, bytes, digestOffset, bytes.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cid && Arrays.equals(bytes, ((Cid) o).bytes);
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
  public int compareTo(Cid o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return version == 0 ? Multibase.encodeBase58(bytes) : "b" + Multibase.encodeBase32(bytes);
  }
}
