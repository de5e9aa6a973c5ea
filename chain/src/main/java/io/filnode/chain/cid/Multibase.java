package io.filnode.chain.cid;

import java.util.Arrays;

/** The multibase encodings CIDs are printed in: base32 (lower-case, no padding) and base58btc. */
public final class Multibase {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final char[] BASE58 =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final byte[] BASE32_INDEX = new byte[128];
  private static final byte[] BASE58_INDEX = new byte[128];

  static {
    Arrays.fill(BASE32_INDEX, (byte) -1);
    Arrays.fill(BASE58_INDEX, (byte) -1);
    for (int i = 0; i < BASE32.length; i++) {
      BASE32_INDEX[BASE32[i]] = (byte) i;
    }
    for (int i = 0; i < BASE58.length; i++) {
      BASE58_INDEX[BASE58[i]] = (byte) i;
    }
  }

  private Multibase() {}

  /** RFC 4648 base32, lower-case, without padding (no multibase prefix). */
  public static String encodeBase32(byte[] data) {
    StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        sb.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return sb.toString();
  }

  /**
   * Decodes unpadded base32 (either case, not mixed). Rejects non-zero trailing bits, so every byte
   * string has exactly one accepted encoding.
   */
  public static byte[] decodeBase32(String s) {
    boolean upper = !s.equals(s.toLowerCase(java.util.Locale.ROOT));
    if (upper && !s.equals(s.toUpperCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException("base32 string mixes upper and lower case");
    }
    int rem = s.length() % 8;
    if (rem == 1 || rem == 3 || rem == 6) {
      throw new IllegalArgumentException("base32 string has an impossible length " + s.length());
    }
    byte[] out = new byte[s.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int o = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      int v = c < 128 ? BASE32_INDEX[c] : -1;
      if (v < 0) {
        throw new IllegalArgumentException("invalid base32 character '" + s.charAt(i) + "'");
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[o++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new IllegalArgumentException("base32 string has non-zero trailing bits");
    }
    return out;
  }

  public static String encodeBase58(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    byte[] digits = new byte[data.length * 138 / 100 + 1];
    int len = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xFF;
      for (int j = 0; j < len; j++) {
        carry += (digits[j] & 0xFF) << 8;
        digits[j] = (byte) (carry % 58);
        carry /= 58;
      }
      while (carry > 0) {
        digits[len++] = (byte) (carry % 58);
        carry /= 58;
      }
    }
    StringBuilder sb = new StringBuilder(zeros + len);
    for (int i = 0; i < zeros; i++) {
      sb.append('1');
    }
    for (int i = len - 1; i >= 0; i--) {
      sb.append(BASE58[digits[i]]);
    }
    return sb.toString();
  }

  public static byte[] decodeBase58(String s) {
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] bytes = new byte[s.length()];
    int len = 0;
    for (int i = zeros; i < s.length(); i++) {
      char c = s.charAt(i);
      int carry = c < 128 ? BASE58_INDEX[c] : -1;
      if (carry < 0) {
        throw new IllegalArgumentException("invalid base58 character '" + c + "'");
      }
      for (int j = 0; j < len; j++) {
        carry += (bytes[j] & 0xFF) * 58;
        bytes[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[len++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + len];
    for (int i = 0; i < len; i++) {
      out[zeros + i] = bytes[len - 1 - i];
    }
    return out;
  }
}
