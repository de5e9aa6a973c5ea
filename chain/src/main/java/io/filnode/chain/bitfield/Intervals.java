package io.filnode.chain.bitfield;

import java.util.Arrays;

/**
 * Collects half-open set intervals {@code [start, end)} in increasing unsigned order into the flat
 * array a {@link BitField} holds, joining intervals that touch or overlap so that the result has
 * non-empty gaps between intervals (one representation per set).
 */
final class Intervals {
  private long[] bounds;
  private int size;

  Intervals(int expectedIntervals) {
    bounds = new long[2 * Math.max(1, expectedIntervals)];
  }

  /** Adds {@code [start, end)}; {@code start} must not be below the start of the last interval. */
  void add(long start, long end) {
    if (Long.compareUnsigned(start, end) >= 0) {
      return; // empty
    }
    if (size > 0 && Long.compareUnsigned(start, bounds[size - 1]) <= 0) {
      if (Long.compareUnsigned(end, bounds[size - 1]) > 0) {
        bounds[size - 1] = end;
      }
      return;
    }
    if (size == bounds.length) {
      bounds = Arrays.copyOf(bounds, 2 * size);
    }
    bounds[size++] = start;
    bounds[size++] = end;
  }

  long[] toArray() {
    return size == bounds.length ? bounds : Arrays.copyOf(bounds, size);
  }
}
