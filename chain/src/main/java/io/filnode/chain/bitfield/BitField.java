package io.filnode.chain.bitfield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

/**
 * An immutable set of bit indexes, encoded as RLE+ exactly as go-bitfield v0.2.4 does.
 *
 * <p>Bit indexes, counts and run lengths are unsigned 64-bit values held in {@code long}s and
 * compared with {@link Long#compareUnsigned}. As in go-bitfield the whole bitfield, gaps included,
 * is at most 2^64 - 1 bits long, so the highest index that can be set is 2^64 - 2.
 *
 * <p>The value is held as sorted, disjoint, non-touching intervals of set bits, so its size follows
 * the number of runs, never their lengths, and every set has one representation: {@link #equals}
 * compares sets.
 */
public final class BitField {
  /**
   * The largest encoding, in bytes, that go-bitfield reads or writes inside CBOR (its {@code
   * MaxEncodedSize}); {@link #decode} rejects longer input, and whoever writes a bitfield into CBOR
   * must reject an {@link #encode()} result longer than this, as go-bitfield's marshaller does.
   */
  public static final int MAX_ENCODED_SIZE = 32 << 10;

  private static final BitField EMPTY = new BitField(new long[0]);

  // [start0, end0, start1, end1, ...]: half-open set intervals in increasing unsigned order, with
  // a non-empty gap between consecutive intervals
  private final long[] bounds;

  private BitField(long[] bounds) {
    this.bounds = bounds;
  }

  private static BitField wrap(Intervals intervals) {
    long[] b = intervals.toArray();
    return b.length == 0 ? EMPTY : new BitField(b);
  }

  /** The empty bitfield (go-bitfield's {@code New()}); it encodes to zero bytes. */
  public static BitField empty() {
    return EMPTY;
  }

  /**
   * Decodes RLE+ bytes (go-bitfield's {@code NewFromBytes} followed by the validation its run
   * iterator performs), accepting exactly the inputs go-bitfield accepts.
   *
   * @throws BitFieldException if the input is longer than {@link #MAX_ENCODED_SIZE}, ends in a zero
   *     byte, has a version other than 0, holds a varint longer than 64 bits or with a zero final
   *     byte, or describes more than 2^64 - 1 bits
   */
  public static BitField decode(byte[] rle) throws BitFieldException {
    long[] b = RlePlus.decode(rle);
    return b.length == 0 ? EMPTY : new BitField(b);
  }

  /**
   * The canonical RLE+ encoding (go-bitfield's {@code EncodeRuns}): minimal blocks, no trailing run
   * of zeros, no trailing zero bytes. A fresh array on each call.
   */
  public byte[] encode() {
    return RlePlus.encode(bounds);
  }

  /**
   * The bitfield with the given bits set (go-bitfield's {@code NewFromSet}); order and duplicates
   * do not matter.
   *
   * @throws IllegalArgumentException if a bit is 2^64 - 1 ({@code -1L}), which no valid bitfield
   *     holds
   */
  public static BitField of(long... bits) {
    long[] sorted = new long[bits.length];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i] == -1L) {
        throw new IllegalArgumentException("bit 2^64 - 1 is beyond the range of a bitfield");
      }
      sorted[i] = bits[i] ^ Long.MIN_VALUE; // sort unsigned values with the signed sort
    }
    Arrays.sort(sorted);
    Intervals out = new Intervals(Math.min(sorted.length, 16));
    for (long flipped : sorted) {
      long bit = flipped ^ Long.MIN_VALUE;
      out.add(bit, bit + 1);
    }
    return wrap(out);
  }

  /** The bitfield with the given bits set; see {@link #of(long...)}. */
  public static BitField fromSet(Collection<Long> bits) {
    return of(bits.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * The bitfield made of consecutive runs starting at bit 0 (go-bitfield's {@code NewFromIter}).
   *
   * @throws BitFieldException if two consecutive runs have the same value (go-bitfield's {@code
   *     ErrSameValRuns}) or the runs total more than 2^64 - 1 bits
   */
  public static BitField fromRuns(List<Run> runs) throws BitFieldException {
    Intervals out = new Intervals(runs.size() / 2 + 1);
    long at = 0;
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      if (i > 0 && runs.get(i - 1).value() == run.value()) {
        throw new BitFieldException("2 consecutive runs with the same value");
      }
      if (Long.compareUnsigned(run.length(), -1L - at) > 0) {
        throw new BitFieldException("runs total more than 2^64 - 1 bits");
      }
      if (run.value()) {
        out.add(at, at + run.length());
      }
      at += run.length();
    }
    return wrap(out);
  }

  /**
   * The runs of the canonical form: alternating values from bit 0, the first run set only if bit 0
   * is, the last run always set; none for the empty bitfield.
   */
  public List<Run> runs() {
    List<Run> runs = new ArrayList<>(bounds.length);
    long prevEnd = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      if (bounds[i] != prevEnd) {
        runs.add(new Run(false, bounds[i] - prevEnd));
      }
      runs.add(new Run(true, bounds[i + 1] - bounds[i]));
      prevEnd = bounds[i + 1];
    }
    return List.copyOf(runs);
  }

  /** The number of set bits, unsigned ({@code Count}). */
  public long count() {
    long n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      n += bounds[i + 1] - bounds[i];
    }
    return n;
  }

  /** Whether no bit is set ({@code IsEmpty}). */
  public boolean isEmpty() {
    return bounds.length == 0;
  }

  /** Whether {@code bit} (unsigned) is set ({@code IsSet}). */
  public boolean isSet(long bit) {
    int lo = 0;
    int hi = bounds.length / 2 - 1;
    while (lo <= hi) { // the last interval starting at or before bit
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(bounds[2 * mid], bit) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi >= 0 && Long.compareUnsigned(bit, bounds[2 * hi + 1]) < 0;
  }

  /** The lowest set bit, empty when no bit is set ({@code First}, whose error is ErrNoBitsSet). */
  public OptionalLong first() {
    return isEmpty() ? OptionalLong.empty() : OptionalLong.of(bounds[0]);
  }

  /** The highest set bit, empty when no bit is set ({@code Last}). */
  public OptionalLong last() {
    return isEmpty() ? OptionalLong.empty() : OptionalLong.of(bounds[bounds.length - 1] - 1);
  }

  /**
   * The set bits in increasing order ({@code All(max)}).
   *
   * @throws BitFieldException if more than {@code max} (unsigned) bits are set (go-bitfield's
   *     {@code ErrBitFieldTooMany}), or more than a Java array holds
   */
  public long[] all(long max) throws BitFieldException {
    long n = count();
    if (Long.compareUnsigned(n, max) > 0) {
      throw new BitFieldException(
          "too many items in RLE: expected at most "
              + Long.toUnsignedString(max)
              + ", got "
              + Long.toUnsignedString(n));
    }
    if (Long.compareUnsigned(n, Integer.MAX_VALUE - 8) > 0) {
      throw new BitFieldException("too many items for an array: " + Long.toUnsignedString(n));
    }
    long[] out = new long[(int) n];
    int k = 0;
    for (PrimitiveIterator.OfLong it = iterator(); it.hasNext(); ) {
      out[k++] = it.nextLong();
    }
    return out;
  }

  /** Iterates over the set bits in increasing unsigned order ({@code BitIterator}). */
  public PrimitiveIterator.OfLong iterator() {
    return new PrimitiveIterator.OfLong() {
      private int interval;
      private long next = bounds.length == 0 ? 0 : bounds[0];

      @Override
      public boolean hasNext() {
        return 2 * interval < bounds.length;
      }

      @Override
      public long nextLong() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long bit = next++;
        if (next == bounds[2 * interval + 1]) {
          interval++;
          if (2 * interval < bounds.length) {
            next = bounds[2 * interval];
          }
        }
        return bit;
      }
    };
  }

  /** The set bits in increasing unsigned order, as a sequential stream. */
  public LongStream stream() {
    Spliterator.OfLong s =
        Spliterators.spliteratorUnknownSize(
            iterator(), Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL);
    return StreamSupport.longStream(s, false);
  }

  /** Calls {@code action} with each set bit in increasing unsigned order ({@code ForEach}). */
  public void forEach(LongConsumer action) {
    for (int i = 0; i < bounds.length; i += 2) {
      for (long bit = bounds[i]; bit != bounds[i + 1]; bit++) {
        action.accept(bit);
      }
    }
  }

  /** The bits set in this or {@code other} ({@code MergeBitFields}). */
  public BitField union(BitField other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    long[] a = bounds;
    long[] b = other.bounds;
    Intervals out = new Intervals((a.length + b.length) / 2);
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && Long.compareUnsigned(a[i], b[j]) <= 0)) {
        out.add(a[i], a[i + 1]);
        i += 2;
      } else {
        out.add(b[j], b[j + 1]);
        j += 2;
      }
    }
    return wrap(out);
  }

  /**
   * The union of all {@code fields} ({@code MultiMerge}), merged pairwise as a balanced tree so
   * that the cost is the total number of runs times the logarithm of the number of fields.
   */
  public static BitField multiMerge(Collection<BitField> fields) {
    List<BitField> level = new ArrayList<>(fields);
    if (level.isEmpty()) {
      return EMPTY;
    }
    while (level.size() > 1) {
      List<BitField> next = new ArrayList<>((level.size() + 1) / 2);
      for (int k = 0; k < level.size(); k += 2) {
        next.add(k + 1 < level.size() ? level.get(k).union(level.get(k + 1)) : level.get(k));
      }
      level = next;
    }
    return level.get(0);
  }

  /** The bits set in both this and {@code other} ({@code IntersectBitField}). */
  public BitField intersect(BitField other) {
    long[] a = bounds;
    long[] b = other.bounds;
    Intervals out = new Intervals(Math.min(a.length, b.length) / 2);
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      long start = Long.compareUnsigned(a[i], b[j]) >= 0 ? a[i] : b[j];
      long end = Long.compareUnsigned(a[i + 1], b[j + 1]) <= 0 ? a[i + 1] : b[j + 1];
      out.add(start, end);
      if (Long.compareUnsigned(a[i + 1], b[j + 1]) <= 0) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return wrap(out);
  }

  /** The bits set in this and not in {@code other} ({@code SubtractBitField}). */
  public BitField subtract(BitField other) {
    long[] a = bounds;
    long[] b = other.bounds;
    if (a.length == 0 || b.length == 0) {
      return this;
    }
    Intervals out = new Intervals(a.length / 2 + b.length / 2);
    int j = 0;
    for (int i = 0; i < a.length; i += 2) {
      long cur = a[i];
      long end = a[i + 1];
      while (j < b.length && Long.compareUnsigned(b[j + 1], cur) <= 0) {
        j += 2;
      }
      while (j < b.length && Long.compareUnsigned(b[j], end) < 0) {
        out.add(cur, b[j]); // ignored when b[j] <= cur
        if (Long.compareUnsigned(cur, b[j + 1]) < 0) {
          cur = b[j + 1];
        }
        if (Long.compareUnsigned(b[j + 1], end) >= 0) {
          break; // b[j] may still cover the next interval of this field
        }
        j += 2;
      }
      out.add(cur, end);
    }
    return wrap(out);
  }

  /**
   * Removes the positions set in {@code cut} and closes the holes ({@code CutBitField}): every bit
   * of this field at a position set in {@code cut} disappears, and every other bit moves down by
   * the number of positions of {@code cut} below it.
   */
  public BitField cut(BitField cut) {
    long[] a = bounds;
    long[] b = cut.bounds;
    if (a.length == 0 || b.length == 0) {
      return this;
    }
    Intervals out = new Intervals(a.length / 2);
    int j = 0;
    long removed = 0; // set bits of cut in the intervals before j
    for (int i = 0; i < a.length; i += 2) {
      long cur = a[i];
      long end = a[i + 1];
      while (Long.compareUnsigned(cur, end) < 0) {
        while (j < b.length && Long.compareUnsigned(b[j + 1], cur) <= 0) {
          removed += b[j + 1] - b[j];
          j += 2;
        }
        if (j < b.length && Long.compareUnsigned(b[j], cur) <= 0) {
          // cur lies in a cut interval: drop up to its end
          cur = Long.compareUnsigned(b[j + 1], end) < 0 ? b[j + 1] : end;
        } else {
          long segEnd = j < b.length && Long.compareUnsigned(b[j], end) < 0 ? b[j] : end;
          out.add(cur - removed, segEnd - removed);
          cur = segEnd;
        }
      }
    }
    return wrap(out);
  }

  /**
   * Skips the first {@code start} set bits and keeps the next {@code count} ({@code Slice}); both
   * unsigned.
   *
   * @throws BitFieldException if {@code count} is not 0 and fewer than {@code start + count} bits
   *     are set, as in go-bitfield
   */
  public BitField slice(long start, long count) throws BitFieldException {
    if (count == 0) {
      return EMPTY;
    }
    Intervals out = new Intervals(4);
    long skip = start;
    long remaining = count;
    for (int i = 0; i < bounds.length && remaining != 0; i += 2) {
      long len = bounds[i + 1] - bounds[i];
      if (Long.compareUnsigned(skip, len) >= 0) {
        skip -= len;
        continue;
      }
      long from = bounds[i] + skip;
      long take = Long.compareUnsigned(len - skip, remaining) <= 0 ? len - skip : remaining;
      out.add(from, from + take);
      remaining -= take;
      skip = 0;
    }
    if (remaining != 0) {
      throw new BitFieldException("not enough bits set in field to satisfy slice count");
    }
    return wrap(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitField other && Arrays.equals(bounds, other.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  /** The set as ranges, for example {@code {0-2, 5, 9-10}}, shortened after 32 ranges. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < bounds.length; i += 2) {
      if (i > 0) {
        s.append(", ");
      }
      if (i == 64) {
        s.append("… ").append(bounds.length / 2 - 32).append(" more ranges");
        break;
      }
      s.append(Long.toUnsignedString(bounds[i]));
      if (bounds[i + 1] - bounds[i] != 1) {
        s.append('-').append(Long.toUnsignedString(bounds[i + 1] - 1));
      }
    }
    return s.append('}').toString();
  }
}
