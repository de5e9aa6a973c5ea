package io.filnode.actors.v2.miner;

/** A quantization of epochs: multiples of {@code unit} offset by {@code offset % unit}. */
public record QuantSpec(long unit, long offset) {
  /** No quantization at all (unit 1). */
  public static final QuantSpec NO_QUANTIZATION = new QuantSpec(1, 0);

  /** Rounds {@code e} up to the next quantization epoch (or leaves it if it is one). */
  public long quantizeUp(long e) {
    return quantizeUp(e, unit, offset);
  }

  static long quantizeUp(long e, long unit, long offsetSeed) {
    long offset = offsetSeed % unit;
    long remainder = (e - offset) % unit;
    long quotient = (e - offset) / unit;
    if (remainder == 0) {
      return unit * quotient + offset;
    }
    // Java's division truncates towards zero as Go's does: negative quotients already round up
    if (e - offset < 0) {
      return unit * quotient + offset;
    }
    return unit * (quotient + 1) + offset;
  }
}
