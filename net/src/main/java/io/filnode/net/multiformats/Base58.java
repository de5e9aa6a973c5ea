package io.filnode.net.multiformats;

import io.filnode.net.wire.DecodeException;
import java.util.Arrays;

/** Base58 with the Bitcoin alphabet (multibase "base58btc"), as peer IDs are printed. */
public final class Base58 {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEX = new int[128];

  static {
    Arrays.fill(INDEX, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEX[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    byte[] digits = new byte[input.length * 138 / 100 + 1];
    int len = 0;
    for (int i = zeros; i < input.length; i++) {
      int carry = input[i] & 0xFF;
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
      sb.append(ALPHABET[digits[i]]);
    }
    return sb.toString();
  }

  /** Decodes base58btc; inputs longer than 256 characters are refused (no peer ID is that long). */
  public static byte[] decode(String s) throws DecodeException {
    if (s.length() > 256) {
      throw new DecodeException("base58 string too long");
    }
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] bytes = new byte[s.length()];
    int len = 0;
    for (int i = zeros; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = c < 128 ? INDEX[c] : -1;
      if (v < 0) {
        throw new DecodeException("invalid base58 character '" + c + "'");
      }
      int carry = v;
      for (int j = 0; j < len; j++) {
        carry += (bytes[j] & 0xFF) * 58;
        bytes[j] = (byte) carry;
        carry >>= 8;
      }
      while (carry > 0) {
        bytes[len++] = (byte) carry;
        carry >>= 8;
      }
    }
    byte[] out = new byte[zeros + len];
    for (int i = 0; i < len; i++) {
      out[zeros + i] = bytes[len - 1 - i];
    }
    return out;
  }
}
