package io.filnode.chain.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Stand-in until main's Blake2b lands; removed at that merge. */
final class Blake2bShim {
  private Blake2bShim() {}

  static byte[] sum256(byte[] data) {
    return sum(data, 32);
  }

  static byte[] sum160(byte[] data) {
    return sum(data, 20);
  }

  private static byte[] sum(byte[] data, int size) {
    Blake2bDigest d = new Blake2bDigest(size * 8);
    d.update(data, 0, data.length);
    byte[] out = new byte[size];
    d.doFinal(out, 0);
    return out;
  }
}
