package io.filnode.chain.types;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Varint;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity of a tipset: the CIDs of its blocks in tipset order. Its bytes are the concatenated
 * CID bytes, as Lotus's {@code TipSetKey.Bytes()}.
 */
public record TipSetKey(List<Cid> cids) {
  public static final TipSetKey EMPTY = new TipSetKey(List.of());

  public TipSetKey {
    cids = List.copyOf(cids);
  }

  public static TipSetKey of(Cid... cids) {
    return new TipSetKey(List.of(cids));
  }

  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Cid c : cids) {
      byte[] b = c.bytes();
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  /**
   * Parses concatenated CID bytes.
   *
   * @throws IllegalArgumentException when the bytes are not a sequence of CIDs
   */
  public static TipSetKey fromBytes(byte[] b) {
    List<Cid> out = new ArrayList<>();
    int p = 0;
    while (p < b.length) {
      int len = cidLength(b, p);
      out.add(Cid.fromBytes(b, p, len));
      p += len;
    }
    return new TipSetKey(out);
  }

  private static int cidLength(byte[] b, int p) {
    if (b.length - p >= 34 && b[p] == 0x12 && b[p + 1] == 0x20) {
      return 34;
    }
    int q = p;
    for (int i = 0; i < 3; i++) {
      q += Varint.size(Varint.read(b, q, b.length));
    }
    long dlen = Varint.read(b, q, b.length);
    q += Varint.size(dlen);
    if (dlen > b.length - q) {
      throw new IllegalArgumentException("CID digest runs past the end of the tipset key");
    }
    return q + (int) dlen - p;
  }

  @Override
  public String toString() {
    return cids.toString();
  }
}
