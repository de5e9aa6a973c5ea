package io.filnode.chain.bitfield;

/**
 * A run of {@code length} equal bits, as go-bitfield's {@code rlepluslazy.Run}.
 *
 * @param value whether the bits of the run are set
 * @param length the number of bits, an unsigned 64-bit value, never 0
 */
public record Run(boolean value, long length) {
  /** Checks that the run is not empty. */
  public Run {
    if (length == 0) {
      throw new IllegalArgumentException("a run cannot be empty");
    }
  }

  @Override
  public String toString() {
    return (value ? "1x" : "0x") + Long.toUnsignedString(length);
  }
}
