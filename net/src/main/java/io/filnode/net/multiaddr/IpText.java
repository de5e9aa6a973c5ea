package io.filnode.net.multiaddr;

import io.filnode.net.wire.DecodeException;

/** IP address literals to and from bytes, without name resolution. */
final class IpText {
  private IpText() {}

  static byte[] parseIp4(String s) throws DecodeException {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      throw new DecodeException("invalid IPv4 address '" + s + "'");
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty()
          || p.length() > 3
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || (p.length() > 1 && p.charAt(0) == '0')) {
        throw new DecodeException("invalid IPv4 address '" + s + "'");
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        throw new DecodeException("invalid IPv4 address '" + s + "'");
      }
      out[i] = (byte) v;
    }
    return out;
  }

  static String formatIp4(byte[] v) {
    return (v[0] & 0xFF) + "." + (v[1] & 0xFF) + "." + (v[2] & 0xFF) + "." + (v[3] & 0xFF);
  }

  static byte[] parseIp6(String s) throws DecodeException {
    if (s.isEmpty() || s.length() > 45) {
      throw new DecodeException("invalid IPv6 address '" + s + "'");
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      throw new DecodeException("invalid IPv6 address '" + s + "'");
    }
    int[] groups = new int[8];
    int[] head;
    int[] tail;
    if (dbl >= 0) {
      head = groups(s.substring(0, dbl), s, false);
      tail = groups(s.substring(dbl + 2), s, true);
      if (head.length + tail.length > 7) {
        throw new DecodeException("invalid IPv6 address '" + s + "'");
      }
    } else {
      head = groups(s, s, true);
      tail = new int[0];
      if (head.length != 8) {
        throw new DecodeException("invalid IPv6 address '" + s + "'");
      }
    }
    System.arraycopy(head, 0, groups, 0, head.length);
    System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (groups[i] >> 8);
      out[2 * i + 1] = (byte) groups[i];
    }
    return out;
  }

  /** Colon-separated hex groups; an embedded IPv4 tail counts as two groups. */
  private static int[] groups(String part, String whole, boolean ip4TailAllowed)
      throws DecodeException {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] gs = part.split(":", -1);
    int extra = 0;
    String last = gs[gs.length - 1];
    boolean ip4 = ip4TailAllowed && last.contains(".");
    if (ip4) {
      extra = 1;
    }
    int[] out = new int[gs.length + extra];
    for (int i = 0; i < gs.length; i++) {
      String g = gs[i];
      if (ip4 && i == gs.length - 1) {
        byte[] v4 = parseIp4(g);
        out[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
        out[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
        break;
      }
      if (g.isEmpty() || g.length() > 4) {
        throw new DecodeException("invalid IPv6 address '" + whole + "'");
      }
      int v = 0;
      for (int k = 0; k < g.length(); k++) {
        int d = Character.digit(g.charAt(k), 16);
        if (d < 0) {
          throw new DecodeException("invalid IPv6 address '" + whole + "'");
        }
        v = v * 16 + d;
      }
      out[i] = v;
    }
    return out;
  }

  /** RFC 5952 text: lower-case hex, the longest run (≥ 2) of zero groups as "::". */
  static String formatIp6(byte[] v) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((v[2 * i] & 0xFF) << 8) | (v[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
