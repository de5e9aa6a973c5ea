package io.filnode.chain.blockstore;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import java.util.function.Consumer;

/** Finds the CID links (tag 42) inside a DAG-CBOR block, as go-ipld-cbor's link scanning does. */
public final class DagCborLinks {
  private DagCborLinks() {}

  /**
   * Calls {@code onLink} for every CID in {@code data}, in encoding order.
   *
   * @throws CborException when {@code data} is not one well-formed DAG-CBOR value
   */
  public static void forEach(byte[] data, Consumer<Cid> onLink) throws CborException {
    CborReader r = new CborReader(data);
    scan(r, onLink, 0);
    r.expectEnd();
  }

  private static void scan(CborReader r, Consumer<Cid> onLink, int depth) throws CborException {
    if (depth > CborReader.MAX_DEPTH) {
      throw new CborException("nesting deeper than " + CborReader.MAX_DEPTH, r.position());
    }
    switch (r.peekMajorType()) {
      case 4:
        {
          int n = r.readArrayHeader(Integer.MAX_VALUE);
          for (int i = 0; i < n; i++) {
            scan(r, onLink, depth + 1);
          }
          return;
        }
      case 5:
        {
          int n = r.readMapHeader(Integer.MAX_VALUE);
          for (int i = 0; i < n; i++) {
            r.skipValue();
            scan(r, onLink, depth + 1);
          }
          return;
        }
      case 6:
        onLink.accept(r.readCid());
        return;
      default:
        r.skipValue();
    }
  }
}
