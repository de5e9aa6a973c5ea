package io.filnode.rpc.server;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Seeded generator of hostile request bodies: mutated valid requests and random JSON-ish text. */
final class Fuzz {
  private static final String[] SEEDS = {
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Test.Add\",\"params\":[1,2]}",
    "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"Test.Echo\",\"params\":[{\"a\":[1,2,{\"b\":null}]}]}",
    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"Test.CidString\",\"params\":[{\"/\":\"bafy2bzacea3wsdh6y3a36tb3skempjoxqpuyompjbmfeyf34fi3uy6uue42v4\"}]}",
    "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Test.read\"},{\"jsonrpc\":\"2.0\",\"method\":\"Test.admin\"}]",
    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"Test.Count\",\"params\":[5]}",
    "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"Test.Fail\",\"params\":[]}",
  };
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "1e309",
    "-0",
    "18446744073709551616",
    "\"\\ud800\"",
    "\\",
    "{\"/\":\"\"}",
    "\"jsonrpc\"",
    "\"2.0\"",
    "\"id\"",
    "\"method\"",
    "\"params\"",
    "[[[[[[[[",
    "]]]]]]]]",
    "\u0000",
    "\u00ff",
    "1.5",
    "\"Test.Add\""
  };

  private final Random random;

  Fuzz(long seed) {
    this.random = new Random(seed);
  }

  byte[] next() {
    int kind = random.nextInt(5);
    if (kind == 4) {
      // a valid call, so the fuzz also runs methods to completion
      return ("{\"jsonrpc\":\"2.0\",\"id\":"
              + random.nextInt()
              + ",\"method\":\"Test.Add\",\"params\":["
              + random.nextLong() / 2
              + ","
              + random.nextInt()
              + "]}")
          .getBytes(StandardCharsets.UTF_8);
    }
    if (kind == 0) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        b.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }
    byte[] s = SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      s = mutate(s);
    }
    return s;
  }

  private byte[] mutate(byte[] s) {
    if (s.length == 0) {
      return TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
    }
    int at = random.nextInt(s.length);
    switch (random.nextInt(5)) {
      case 0 -> {
        byte[] c = s.clone();
        c[at] = (byte) random.nextInt(256);
        return c;
      }
      case 1 -> {
        byte[] c = new byte[at];
        System.arraycopy(s, 0, c, 0, at);
        return c;
      }
      case 2 -> {
        byte[] ins = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
        byte[] c = new byte[s.length + ins.length];
        System.arraycopy(s, 0, c, 0, at);
        System.arraycopy(ins, 0, c, at, ins.length);
        System.arraycopy(s, at, c, at + ins.length, s.length - at);
        return c;
      }
      case 3 -> {
        int len = Math.min(s.length - at, 1 + random.nextInt(8));
        byte[] c = new byte[s.length - len];
        System.arraycopy(s, 0, c, 0, at);
        System.arraycopy(s, at + len, c, at, s.length - at - len);
        return c;
      }
      default -> {
        int len = Math.min(s.length - at, 1 + random.nextInt(16));
        byte[] c = new byte[s.length + len];
        System.arraycopy(s, 0, c, 0, at + len);
        System.arraycopy(s, at, c, at + len, s.length - at);
        return c;
      }
    }
  }
}
