package io.filnode.chain.bitfield;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately plain RLE+ reader for tests: one bit at a time, BigInteger arithmetic, written
 * from the grammar and go-bitfield's rules rather than from the production code. It also says
 * whether the input is the canonical encoding of what it holds.
 */
final class ReferenceRlePlus {
  private ReferenceRlePlus() {}

  /** The outcome of reading one input. */
  record Result(String error, List<Run> runs, boolean canonical) {
    boolean ok() {
      return error == null;
    }
  }

  /**
   * Builds bytes from a string of '0' and '1' in stream order (spaces ignored), without trailing
   * zero bytes: the zero padding that readers supply past the end.
   */
  static byte[] bits(String stream) {
    String s = stream.replace(" ", "");
    byte[] out = new byte[(s.length() + 7) / 8];
    int used = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '1') {
        out[i / 8] |= (byte) (1 << (i % 8));
        used = i / 8 + 1;
      }
    }
    return Arrays.copyOf(out, used);
  }

  static Result read(byte[] in) {
    if (in.length > 32768) {
      return new Result("too long", null, false);
    }
    if (in.length > 0 && in[in.length - 1] == 0) {
      return new Result("trailing zero byte", null, false);
    }
    int[] pos = {0};
    if (number(in, pos, 2) != 0) {
      return new Result("version", null, false);
    }
    boolean value = bit(in, pos) == 1;
    BigInteger total = BigInteger.ZERO;
    BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    List<Run> runs = new ArrayList<>();
    boolean minimal = true;
    int blockStart;
    while (true) {
      blockStart = pos[0];
      BigInteger len;
      String form;
      if (bit(in, pos) == 1) {
        len = BigInteger.ONE;
        form = "single";
      } else if (bit(in, pos) == 1) {
        len = BigInteger.valueOf(number(in, pos, 4));
        form = "short";
      } else {
        len = BigInteger.ZERO;
        form = "varint";
        for (int i = 0; ; i++) {
          if (i == 10) {
            return new Result("varint too long", null, false);
          }
          long b = number(in, pos, 8);
          len = len.or(BigInteger.valueOf(b & 0x7f).shiftLeft(7 * i));
          if (b < 0x80) {
            if (i == 9 && b > 1) {
              return new Result("varint too long", null, false);
            }
            if (b == 0 && i > 0) {
              return new Result("varint not minimal", null, false);
            }
            break;
          }
        }
      }
      if (len.signum() == 0) {
        break;
      }
      total = total.add(len);
      if (total.compareTo(max) > 0) {
        return new Result("overflow", null, false);
      }
      String expected =
          len.equals(BigInteger.ONE)
              ? "single"
              : len.compareTo(BigInteger.valueOf(16)) < 0 ? "short" : "varint";
      minimal &= form.equals(expected);
      runs.add(new Run(value, len.longValue()));
      value = !value;
    }
    // canonically the stream ends in zero padding only, which reads as the terminator
    boolean restZero = true;
    for (int i = blockStart; i < in.length * 8; i++) {
      restZero &= ((in[i / 8] >> (i % 8)) & 1) == 0;
    }
    boolean canonical =
        runs.isEmpty() ? in.length == 0 : minimal && restZero && runs.get(runs.size() - 1).value();
    return new Result(null, runs, canonical);
  }

  private static int bit(byte[] in, int[] pos) {
    int i = pos[0]++;
    return i / 8 < in.length ? (in[i / 8] >> (i % 8)) & 1 : 0;
  }

  private static long number(byte[] in, int[] pos, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (long) bit(in, pos) << i;
    }
    return v;
  }
}
