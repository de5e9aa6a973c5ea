package io.filnode.chain.amt;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;

/**
 * The serialized AMT: nodes {@code [bmap, [link…], [value…]]} whose bitmap bit {@code i} (bit
 * {@code i%8} of byte {@code i/8}) marks slot {@code i}, and roots {@code [height, count, node]}
 * (v2) or {@code [bitWidth, height, count, node]} (v3); with the checks go-amt-ipld v3 makes when
 * it expands a node.
 */
final class AmtCodec {
  private AmtCodec() {}

  /** A node as stored: compacted, not yet checked. */
  record RawNode(byte[] bmap, List<Cid> links, List<byte[]> values) {}

  /** A root as stored; {@code bitWidth} is -1 for v2, which does not store it. */
  record RawRoot(long bitWidth, long height, long count, RawNode node) {}

  static RawRoot decodeRoot(CborReader r, AmtVersion version) throws CborException {
    long bitWidth = -1;
    if (version == AmtVersion.V2) {
      r.readTupleHeader(3, "AMT root");
    } else {
      r.readTupleHeader(4, "AMT root");
      bitWidth = r.readUint64();
    }
    long height = r.readUint64();
    long count = r.readUint64();
    return new RawRoot(bitWidth, height, count, decodeNode(r, version));
  }

  static RawNode decodeNode(CborReader r, AmtVersion version) throws CborException {
    r.readTupleHeader(3, "AMT node");
    int at = r.position();
    byte[] bmap = r.readBytes();
    if (version == AmtVersion.V2 && bmap.length != 1) {
      throw new CborException("AMT v2 bitmap must be 1 byte, found " + bmap.length, at);
    }
    int nLinks = r.readArrayHeader();
    List<Cid> links = new ArrayList<>(nLinks);
    for (int i = 0; i < nLinks; i++) {
      links.add(r.readCid());
    }
    int nValues = r.readArrayHeader();
    List<byte[]> values = new ArrayList<>(nValues);
    for (int i = 0; i < nValues; i++) {
      values.add(r.readRawValue());
    }
    return new RawNode(bmap, links, values);
  }

  /**
   * Expands a stored node, checking it as go-amt-ipld v3's newNode does: not both links and values,
   * a bitmap of the right size with one bit per element, leaves only at height 0, links to DAG-CBOR
   * only (v3), and no empty node except where {@code allowEmpty}.
   */
  static AmtNode expand(RawNode raw, AmtOptions options, boolean allowEmpty, boolean expectLeaf)
      throws CborException {
    if (!raw.links().isEmpty() && !raw.values().isEmpty()) {
      throw malformed("node has both links and values");
    }
    if (raw.bmap().length != options.bmapBytes()) {
      throw malformed("bitmap of " + raw.bmap().length + " bytes, expected " + options.bmapBytes());
    }
    int width = options.width();
    AmtNode node = new AmtNode();
    if (!raw.values().isEmpty()) {
      if (!expectLeaf) {
        throw malformed("values in a node above height 0");
      }
      node.values = new byte[width][];
      int used = 0;
      for (int x = 0; x < width; x++) {
        if (bit(raw.bmap(), x)) {
          if (used >= raw.values().size()) {
            throw malformed("bitmap marks more values than the node has");
          }
          node.values[x] = raw.values().get(used++);
        }
      }
      if (used != raw.values().size()) {
        throw malformed("bitmap marks " + used + " values, node has " + raw.values().size());
      }
    } else if (!raw.links().isEmpty()) {
      if (expectLeaf) {
        throw malformed("links in a node at height 0");
      }
      node.links = new AmtLink[width];
      int used = 0;
      for (int x = 0; x < width; x++) {
        if (bit(raw.bmap(), x)) {
          if (used >= raw.links().size()) {
            throw malformed("bitmap marks more links than the node has");
          }
          Cid c = raw.links().get(used++);
          if (options.version() == AmtVersion.V3 && c.codec() != Cid.DAG_CBOR) {
            throw malformed("link to a node that is not DAG-CBOR: " + c);
          }
          node.links[x] = new AmtLink(c, null, false);
        }
      }
      if (used != raw.links().size()) {
        throw malformed("bitmap marks " + used + " links, node has " + raw.links().size());
      }
    } else if (!allowEmpty) {
      throw malformed("empty node");
    }
    return node;
  }

  private static boolean bit(byte[] bmap, int x) {
    return (bmap[x >>> 3] & (1 << (x & 7))) != 0;
  }

  /** Encodes a node whose dirty children have been written (their CIDs set). */
  static void encodeNode(CborWriter w, AmtNode node, AmtOptions options, boolean leaf) {
    byte[] bmap = new byte[options.bmapBytes()];
    int width = options.width();
    w.writeArrayHeader(3);
    if (leaf) {
      int n = 0;
      for (int i = 0; node.values != null && i < width; i++) {
        if (node.values[i] != null) {
          bmap[i >>> 3] |= (byte) (1 << (i & 7));
          n++;
        }
      }
      w.writeBytes(bmap).writeArrayHeader(0).writeArrayHeader(n);
      for (int i = 0; n > 0 && i < width; i++) {
        if (node.values[i] != null) {
          w.writeRaw(node.values[i]);
        }
      }
    } else {
      int n = 0;
      for (int i = 0; node.links != null && i < width; i++) {
        if (node.links[i] != null) {
          bmap[i >>> 3] |= (byte) (1 << (i & 7));
          n++;
        }
      }
      w.writeBytes(bmap).writeArrayHeader(n);
      for (int i = 0; n > 0 && i < width; i++) {
        AmtLink l = node.links[i];
        if (l != null) {
          if (l.cid == null || l.dirty) {
            throw new IllegalStateException("AMT child not flushed before its parent");
          }
          w.writeCid(l.cid);
        }
      }
      w.writeArrayHeader(0);
    }
  }

  static CborException malformed(String what) {
    return new CborException("malformed AMT: " + what, -1);
  }
}
