package io.filnode.net.identity;

import io.filnode.net.multiformats.Base32;
import io.filnode.net.multiformats.Base58;
import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.Varint;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A peer ID: the multihash of the peer's {@code PublicKey} protobuf, an identity multihash when
 * that is at most 42 bytes, SHA2-256 otherwise. Printed as base58btc ({@link #toString}) or as a
 * CIDv1 with the libp2p-key codec in base32 ({@link #toCidString}).
 */
public final class PeerId implements Comparable<PeerId> {
  static final int IDENTITY = 0x00;
  static final int SHA2_256 = 0x12;
  static final int MAX_INLINE_KEY = 42;
  static final int LIBP2P_KEY_CODEC = 0x72;

  private final byte[] multihash;

  private PeerId(byte[] multihash) {
    this.multihash = multihash;
  }

  public static PeerId fromPublicKey(PubKey key) {
    byte[] enc = key.bytes();
    ByteArrayOutputStream mh = new ByteArrayOutputStream(enc.length + 2);
    if (enc.length <= MAX_INLINE_KEY) {
      mh.write(IDENTITY);
      mh.write(enc.length);
      mh.writeBytes(enc);
    } else {
      mh.write(SHA2_256);
      mh.write(32);
      try {
        mh.writeBytes(MessageDigest.getInstance("SHA-256").digest(enc));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing from the JDK", e);
      }
    }
    return new PeerId(mh.toByteArray());
  }

  /** Parses multihash bytes; only identity (≤ 42 bytes) and SHA2-256 multihashes are peer IDs. */
  public static PeerId fromBytes(byte[] bytes) throws DecodeException {
    int[] pos = {0};
    long code = Varint.read(bytes, pos);
    long len = Varint.read(bytes, pos);
    if (len != bytes.length - pos[0]) {
      throw new DecodeException("multihash length does not match its digest");
    }
    if (code == SHA2_256 && len != 32) {
      throw new DecodeException("sha2-256 multihash digest must be 32 bytes");
    }
    if (code == IDENTITY && len > MAX_INLINE_KEY) {
      throw new DecodeException("identity multihash peer ID longer than 42 bytes");
    }
    if (code != SHA2_256 && code != IDENTITY) {
      throw new DecodeException("multihash code 0x" + Long.toHexString(code) + " is no peer ID");
    }
    return new PeerId(bytes.clone());
  }

  /** Parses the base58btc form ({@code Qm…}, {@code 12D3…}) or a base32 CIDv1 ({@code bafz…}). */
  public static PeerId fromString(String s) throws DecodeException {
    if (s.startsWith("Qm") || s.startsWith("1")) {
      return fromBytes(Base58.decode(s));
    }
    if (s.startsWith("b") && s.length() < 200) {
      byte[] cid = Base32.decode(s.substring(1));
      int[] pos = {0};
      if (Varint.read(cid, pos) != 1) {
        throw new DecodeException("peer ID CID must be version 1");
      }
      if (Varint.read(cid, pos) != LIBP2P_KEY_CODEC) {
        throw new DecodeException("peer ID CID must have the libp2p-key codec");
      }
      return fromBytes(Arrays.copyOfRange(cid, pos[0], cid.length));
    }
    throw new DecodeException("not a peer ID: " + abbreviate(s));
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** The multihash bytes. */
  public byte[] bytes() {
    return multihash.clone();
  }

  /**
   * The public key inlined in an identity multihash, or null when the ID is a hash.
   *
   * @throws DecodeException when the inlined bytes are not a valid key
   */
  public PubKey inlinedKey() throws DecodeException {
    if (multihash[0] != IDENTITY) {
      return null;
    }
    return KeyCodec.decodePublic(Arrays.copyOfRange(multihash, 2, multihash.length));
  }

  /** True when {@code key} is the key this ID was derived from. */
  public boolean matches(PubKey key) {
    return equals(fromPublicKey(key));
  }

  public String toCidString() {
    byte[] cid = new byte[2 + multihash.length];
    cid[0] = 1;
    cid[1] = LIBP2P_KEY_CODEC;
    System.arraycopy(multihash, 0, cid, 2, multihash.length);
    return "b" + Base32.encode(cid);
  }

  @Override
  public String toString() {
    return Base58.encode(multihash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId p && Arrays.equals(multihash, p.multihash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(multihash);
  }

  @Override
  public int compareTo(PeerId o) {
    return Arrays.compareUnsigned(multihash, o.multihash);
  }
}
