package io.filnode.chain.amt;

import java.util.Objects;

/**
 * The parameters of an AMT.
 *
 * @param version the go-amt-ipld version whose format and rules apply
 * @param bitWidth index bits per level: the width of a node is 2^bitWidth (always 3 in v2)
 */
public record AmtOptions(AmtVersion version, int bitWidth) {
  /** The largest bit width we accept: nodes are kept expanded in memory, 2^bitWidth slots. */
  public static final int MAX_BIT_WIDTH = 16;

  public AmtOptions {
    Objects.requireNonNull(version, "version");
    if (version == AmtVersion.V2 && bitWidth != 3) {
      throw new IllegalArgumentException("go-amt-ipld v2 has bit width 3, not " + bitWidth);
    }
    if (bitWidth < 1 || bitWidth > MAX_BIT_WIDTH) {
      throw new IllegalArgumentException(
          "AMT bit width must be 1–" + MAX_BIT_WIDTH + ", got " + bitWidth);
    }
  }

  /** go-amt-ipld v2 (bit width 3). */
  public static AmtOptions v2() {
    return new AmtOptions(AmtVersion.V2, 3);
  }

  /** go-amt-ipld v3 with the given bit width (its default is 3). */
  public static AmtOptions v3(int bitWidth) {
    return new AmtOptions(AmtVersion.V3, bitWidth);
  }

  int width() {
    return 1 << bitWidth;
  }

  /** Bytes of a node's bitmap: v2 always one; v3 one up to width 8, else width/8. */
  int bmapBytes() {
    return bitWidth <= 3 ? 1 : 1 << (bitWidth - 3);
  }
}
