package io.filnode.chain.amt;

/**
 * An AMT node in memory, expanded: one slot per position, {@link #links} for an interior node or
 * {@link #values} (raw DAG-CBOR) for a leaf. Both are null in a new or empty node.
 */
final class AmtNode {
  AmtLink[] links;
  byte[][] values;

  boolean isEmpty() {
    if (links != null) {
      for (AmtLink l : links) {
        if (l != null) {
          return false;
        }
      }
    }
    if (values != null) {
      for (byte[] v : values) {
        if (v != null) {
          return false;
        }
      }
    }
    return true;
  }

  AmtLink link(int i) {
    return links == null ? null : links[i];
  }

  void setLink(int width, int i, AmtLink l) {
    if (links == null) {
      if (l == null) {
        return;
      }
      links = new AmtLink[width];
    }
    links[i] = l;
  }

  byte[] value(int i) {
    return values == null ? null : values[i];
  }

  void setValue(int width, int i, byte[] v) {
    if (values == null) {
      if (v == null) {
        return;
      }
      values = new byte[width][];
    }
    values[i] = v;
  }
}
