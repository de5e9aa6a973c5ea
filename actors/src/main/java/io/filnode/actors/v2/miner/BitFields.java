package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.bitfield.BitFieldException;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;

/**
 * go-bitfield's CBOR form (a byte string of RLE+, at most {@link BitField#MAX_ENCODED_SIZE} bytes)
 * and the set checks of specs-actors {@code util/bitfield.go}.
 */
public final class BitFields {
  private BitFields() {}

  public static void encode(CborWriter w, BitField bf) {
    byte[] rle = bf.encode();
    if (rle.length > BitField.MAX_ENCODED_SIZE) {
      // go-bitfield refuses to marshal it; no actor path can build one this large
      throw new IllegalStateException("encoded bitfield was too large (" + rle.length + ")");
    }
    w.writeBytes(rle);
  }

  public static BitField decode(CborReader r) throws CborException {
    int at = r.position();
    byte[] rle = r.readBytes(BitField.MAX_ENCODED_SIZE);
    try {
      return BitField.decode(rle);
    } catch (BitFieldException e) {
      throw new CborException("could not decode rle+: " + e.getMessage(), at);
    }
  }

  /** True when every bit of {@code b} is set in {@code a}. */
  public static boolean containsAll(BitField a, BitField b) {
    return b.subtract(a).isEmpty();
  }

  /** True when some bit of {@code b} is set in {@code a}. */
  public static boolean containsAny(BitField a, BitField b) {
    return !a.intersect(b).isEmpty();
  }

  /** The bitfield with {@code bit} set as well. */
  public static BitField set(BitField bf, long bit) {
    return bf.union(BitField.of(bit));
  }

  /** The bitfield with {@code bit} cleared. */
  public static BitField unset(BitField bf, long bit) {
    return bf.subtract(BitField.of(bit));
  }
}
