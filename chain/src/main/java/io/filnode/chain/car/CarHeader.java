package io.filnode.chain.car;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of a CAR v1 file: the DAG-CBOR map {@code {"roots": [cid…], "version": 1}}, with the
 * keys in canonical order.
 */
public record CarHeader(List<Cid> roots) {
  public static final int VERSION = 1;

  public CarHeader {
    roots = List.copyOf(roots);
  }

  public byte[] encode() {
    CborWriter w = new CborWriter();
    w.writeMapHeader(2);
    w.writeText("roots");
    w.writeArrayHeader(roots.size());
    for (Cid c : roots) {
      w.writeCid(c);
    }
    w.writeText("version");
    w.writeUint64(VERSION);
    return w.toByteArray();
  }

  /** Decodes a header, which must be exactly the two keys above with version 1. */
  public static CarHeader decode(byte[] bytes) throws CborException {
    return CborReader.decodeWhole(bytes, "CAR header", CarHeader::decode);
  }

  private static CarHeader decode(CborReader r) throws CborException {
    int n = r.readMapHeader();
    List<Cid> roots = null;
    Long version = null;
    for (int i = 0; i < n; i++) {
      int at = r.position();
      String key = r.readText(16);
      if (key.equals("roots") && roots == null && version == null) {
        int count = r.readArrayHeader();
        roots = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
          roots.add(r.readCid());
        }
      } else if (key.equals("version") && version == null) {
        version = r.readUint64();
      } else {
        throw new CborException("unexpected or misplaced key '" + key + "'", at);
      }
    }
    if (version == null || version != VERSION) {
      throw new CborException(
          version == null
              ? "no version"
              : "CAR version " + Long.toUnsignedString(version) + " is not supported (only 1)",
          -1);
    }
    if (roots == null) {
      throw new CborException("no roots", -1);
    }
    return new CarHeader(roots);
  }
}
