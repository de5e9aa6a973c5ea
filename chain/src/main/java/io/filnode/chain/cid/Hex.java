package io.filnode.chain.cid;

/** Lower-case hexadecimal, strict on input. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  public static String encode(byte[] b) {
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = DIGITS[(b[i] >> 4) & 0xF];
      out[2 * i + 1] = DIGITS[b[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * @throws IllegalArgumentException on an odd length or a non-hex character
   */
  public static byte[] decode(String s) {
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException("hex string has an odd length " + s.length());
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("invalid hex character near position " + 2 * i);
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }
}
