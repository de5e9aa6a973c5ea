package io.filnode.chain.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** BLAKE2b digests of the sizes Filecoin uses: 256 bits (CIDs), 160 bits (addresses), 32 bits. */
public final class Blake2b {
  private Blake2b() {}

  public static byte[] sum256(byte[] data) {
    return sum(data, 32);
  }

  public static byte[] sum160(byte[] data) {
    return sum(data, 20);
  }

  /** The 4-byte checksum of addresses. */
  public static byte[] sum32(byte[] data) {
    return sum(data, 4);
  }

  /** BLAKE2b with an output of {@code size} bytes (1–64), unkeyed. */
  public static byte[] sum(byte[] data, int size) {
    Blake2bDigest d = new Blake2bDigest(size * 8);
    d.update(data, 0, data.length);
    byte[] out = new byte[size];
    d.doFinal(out, 0);
    return out;
  }
}
