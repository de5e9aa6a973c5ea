package io.filnode.net.noise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The RFC 8439 test vectors in rfc8439-vectors.txt, by kind. */
final class Rfc8439Vectors {
  private Rfc8439Vectors() {}

  /** One vector: its section in the RFC and its fields. */
  record Vector(String section, Map<String, String> fields) {
    byte[] bytes(String field) {
      return HexFormat.of().parseHex(fields.get(field));
    }

    int counter() {
      return Integer.parseInt(fields.get("counter"));
    }

    /** The 96-bit nonce as the three little-endian words ChaCha20 takes. */
    int[] nonceWords() {
      byte[] n = bytes("nonce");
      int[] w = new int[3];
      for (int i = 0; i < 12; i++) {
        w[i / 4] |= (n[i] & 0xff) << (8 * (i % 4));
      }
      return w;
    }

    @Override
    public String toString() {
      return section;
    }
  }

  static List<Vector> of(String kind) {
    List<Vector> out = new ArrayList<>();
    try (InputStream in = Rfc8439Vectors.class.getResourceAsStream("rfc8439-vectors.txt");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] parts = line.split(" ");
        if (line.startsWith("#") || !parts[0].equals(kind)) {
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 2; i < parts.length; i++) {
          String[] kv = parts[i].split("=", 2);
          fields.put(kv[0], kv[1]);
        }
        out.add(new Vector(parts[1], fields));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no " + kind + " vectors");
    }
    return out;
  }
}
