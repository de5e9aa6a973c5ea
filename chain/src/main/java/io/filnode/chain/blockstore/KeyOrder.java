package io.filnode.chain.blockstore;

import java.util.Arrays;
import java.util.List;

/**
 * Sorts keys into RocksDB's default (unsigned byte-wise) order for table files. Sorting the {@code
 * byte[]} keys with a comparator chases two pointers per comparison; instead each key's first eight
 * bytes after the prefix that all of them share become the high bits of a {@code long} whose low
 * bits hold the key's index, and those longs are sorted as primitives. Keys whose high bits tie
 * (rare for CIDs, whose digests are random) are then ordered by a full comparison.
 */
final class KeyOrder {
  private KeyOrder() {}

  /** The indexes of {@code keys} in ascending unsigned byte-wise order (equal keys adjacent). */
  static int[] sorted(List<byte[]> keys) {
    int n = keys.size();
    if (n == 0) {
      return new int[0];
    }
    int shared = sharedPrefix(keys);
    int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
    long indexMask = (1L << indexBits) - 1;
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      long prefix = window(keys.get(i), shared) & ~indexMask;
      // flipping the sign bit makes the signed sort an unsigned one
      packed[i] = (prefix | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(packed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (packed[i] & indexMask);
    }
    for (int start = 0; start < n; ) {
      int end = start + 1;
      while (end < n && (packed[end] & ~indexMask) == (packed[start] & ~indexMask)) {
        end++;
      }
      if (end - start > 1) {
        sortRun(keys, order, start, end);
      }
      start = end;
    }
    return order;
  }

  /** The length of the prefix that every key shares with the first. */
  private static int sharedPrefix(List<byte[]> keys) {
    byte[] first = keys.get(0);
    int shared = first.length;
    for (byte[] k : keys) {
      int m = Arrays.mismatch(first, 0, shared, k, 0, Math.min(shared, k.length));
      if (m >= 0) {
        shared = m;
      } else if (k.length < shared) {
        shared = k.length;
      }
    }
    return shared;
  }

  /** Eight bytes of {@code key} from {@code from}, big-endian, zero past its end. */
  private static long window(byte[] key, int from) {
    long w = 0;
    for (int i = 0; i < 8; i++) {
      int p = from + i;
      w = (w << 8) | (p < key.length ? key[p] & 0xFF : 0);
    }
    return w;
  }

  /**
   * Orders {@code order[start..end)} by full key comparison (an insertion sort: runs are short).
   */
  private static void sortRun(List<byte[]> keys, int[] order, int start, int end) {
    for (int i = start + 1; i < end; i++) {
      int x = order[i];
      int j = i - 1;
      while (j >= start && Arrays.compareUnsigned(keys.get(order[j]), keys.get(x)) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  }
}
