package io.filnode.chain.hamt;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The serialized form of HAMT nodes, {@code [bitfield bytes, [pointer…]]}, with pointers in the v2
 * (keyed map) or v3 (kinded union) form, and the structural checks go-hamt-ipld makes when it loads
 * a node.
 */
final class HamtCodec {
  /** cbor-gen refuses a bucket array longer than this while decoding (before the size check). */
  private static final int MAX_DECODED_BUCKET = 32;

  /** cbor-gen reads a link's bytes with this limit. */
  private static final int MAX_CID_BYTES = 512;

  private HamtCodec() {}

  /** Encodes {@code node}; every child must already have a link (flush writes children first). */
  static byte[] encode(HamtNode node, HamtVersion version) {
    CborWriter w = new CborWriter(64 + node.pointers.size() * 48);
    w.writeArrayHeader(2);
    w.writeBytes(node.bitfield.toBytes());
    w.writeArrayHeader(node.pointers.size());
    for (Pointer p : node.pointers) {
      if (p.isShard()) {
        if (p.link == null || p.dirty) {
          throw new IllegalStateException("HAMT child not flushed before its parent");
        }
        if (version == HamtVersion.V2) {
          w.writeMapHeader(1).writeText("0");
        }
        w.writeCid(p.link);
      } else {
        if (version == HamtVersion.V2) {
          w.writeMapHeader(1).writeText("1");
        }
        w.writeArrayHeader(p.kvs.size());
        for (Kv kv : p.kvs) {
          w.writeArrayHeader(2).writeBytes(kv.key).writeRaw(kv.value);
        }
      }
    }
    return w.toByteArray();
  }

  /** Decodes a node without the structural checks of {@link #validate}. */
  static HamtNode decode(CborReader r, HamtVersion version, int bitWidth) throws CborException {
    r.readTupleHeader(2, "HAMT node");
    Bitfield bitfield = Bitfield.fromBytes(r.readBytes(Bitfield.MAX_BYTES), 1 << bitWidth);
    int n = r.readArrayHeader();
    List<Pointer> pointers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pointers.add(version == HamtVersion.V2 ? readV2Pointer(r) : readV3Pointer(r));
    }
    return new HamtNode(bitfield, pointers);
  }

  private static Pointer readV2Pointer(CborReader r) throws CborException {
    int start = r.position();
    if (r.readMapHeader() != 1) {
      throw new CborException("HAMT pointer must be a map of one entry", start);
    }
    int keyAt = r.position();
    String key = r.readText(1);
    if (key.equals("0")) {
      return Pointer.link(readLink(r));
    }
    if (key.equals("1")) {
      return Pointer.bucket(readBucket(r));
    }
    throw new CborException("HAMT pointer key must be \"0\" or \"1\"", keyAt);
  }

  private static Pointer readV3Pointer(CborReader r) throws CborException {
    int major = r.peekMajorType();
    if (major == 6) {
      return Pointer.link(readLink(r));
    }
    if (major == 4) {
      return Pointer.bucket(readBucket(r));
    }
    throw new CborException("HAMT pointer must be a link or a bucket array", r.position());
  }

  private static Cid readLink(CborReader r) throws CborException {
    int start = r.position();
    Cid cid = r.readCid();
    if (cid.byteLength() + 1 > MAX_CID_BYTES) {
      throw new CborException("HAMT link longer than " + MAX_CID_BYTES + " bytes", start);
    }
    return cid;
  }

  private static List<Kv> readBucket(CborReader r) throws CborException {
    int n = r.readArrayHeader(MAX_DECODED_BUCKET);
    List<Kv> kvs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      r.readTupleHeader(2, "HAMT KV");
      byte[] key = r.readBytes();
      byte[] value = r.readRawValue();
      kvs.add(new Kv(key, value));
    }
    return kvs;
  }

  /**
   * go-hamt-ipld's checks on a loaded node: no more pointers than slots, one pointer per set bit,
   * links to DAG-CBOR only, buckets of 1–3 strictly ascending keys; and for a non-root node, not
   * empty and not small enough to have been collapsed into its parent.
   */
  static void validate(HamtNode node, int bitWidth, boolean isRoot) throws CborException {
    int n = node.pointers.size();
    if (n > 1 << bitWidth) {
      throw malformed(
          n + " pointers exceed the " + (1 << bitWidth) + " slots of bit width " + bitWidth);
    }
    if (node.bitfield.cardinality() != n) {
      throw malformed(
          "bitfield has " + node.bitfield.cardinality() + " bits set for " + n + " pointers");
    }
    for (Pointer p : node.pointers) {
      if (p.link != null) {
        if (p.link.codec() != Cid.DAG_CBOR) {
          throw malformed("link to a child that is not DAG-CBOR: " + p.link);
        }
      } else {
        int size = p.kvs.size();
        if (size == 0 || size > HamtNode.BUCKET_SIZE) {
          throw malformed("bucket of " + size + " entries");
        }
        for (int i = 1; i < size; i++) {
          if (Arrays.compareUnsigned(p.kvs.get(i - 1).key, p.kvs.get(i).key) >= 0) {
            throw malformed("bucket keys not in strictly ascending order");
          }
        }
      }
    }
    if (!isRoot) {
      if (n == 0) {
        throw malformed("empty non-root node");
      }
      if (node.childCount() == 0 && node.kvCount() <= HamtNode.BUCKET_SIZE) {
        throw malformed("non-root node with " + node.kvCount() + " entries should be a bucket");
      }
    }
  }

  private static CborException malformed(String what) {
    return new CborException("malformed HAMT node: " + what, -1);
  }
}
