package io.filnode.vm.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.vm.CallTrace;
import io.filnode.vm.gas.GasCharge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A debugging aid: lines that put our gas charges of each call next to those of the Lotus execution
 * trace a vector carries in its {@code diagnostics} (base64 of base64 of gzip JSON, one trace per
 * message; the stored gzip may be cut short, so it reads what it can). Zero charges are left out;
 * {@code <<} marks the first rows that differ.
 */
public final class GasTraceDiff {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GasTraceDiff() {}

  /** The Lotus traces of a vector's messages, or an empty list when it has none or they break. */
  public static List<JsonNode> expectedTraces(String diagnostics) {
    if (diagnostics == null || diagnostics.isEmpty()) {
      return List.of();
    }
    try {
      byte[] once = Base64.getDecoder().decode(diagnostics);
      byte[] gz = Base64.getMimeDecoder().decode(once);
      String text = gunzipLenient(gz);
      JsonNode arr = JSON.readTree(text);
      List<JsonNode> out = new ArrayList<>();
      arr.forEach(out::add);
      return out;
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
  }

  private static String gunzipLenient(byte[] gz) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] buf = new byte[8192];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        out.write(buf, 0, n);
      }
    } catch (EOFException e) {
      // a truncated stream: keep what was decompressed
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Lines comparing {@code ours} with {@code expected} (either may be null). */
  public static List<String> diff(CallTrace ours, JsonNode expected) {
    List<String> lines = new ArrayList<>();
    walk(ours, expected, 0, lines);
    return lines;
  }

  private static void walk(CallTrace ours, JsonNode exp, int depth, List<String> lines) {
    String pad = "  ".repeat(depth);
    String head =
        ours == null
            ? "(no call)"
            : ours.from() + " -> " + ours.to() + " m" + ours.method() + " exit " + ours.exitCode();
    String expHead =
        exp == null || exp.isNull()
            ? "(no call)"
            : exp.path("Msg").path("From").asText()
                + " -> "
                + exp.path("Msg").path("To").asText()
                + " m"
                + exp.path("Msg").path("Method").asText()
                + " exit "
                + exp.path("MsgRct").path("ExitCode").asText();
    lines.add(pad + "call " + head + "   | lotus: " + expHead);
    List<String[]> a = new ArrayList<>();
    if (ours != null) {
      for (GasCharge c : ours.charges()) {
        if (c.total() != 0) {
          a.add(new String[] {c.name(), Long.toString(c.total())});
        }
      }
    }
    List<String[]> b = new ArrayList<>();
    if (exp != null) {
      for (JsonNode c : exp.path("GasCharges")) {
        if (c.path("tg").asLong() != 0) {
          b.add(new String[] {c.path("Name").asText(), c.path("tg").asText()});
        }
      }
    }
    boolean marked = false;
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String l = i < a.size() ? a.get(i)[0] + " " + a.get(i)[1] : "-";
      String r = i < b.size() ? b.get(i)[0] + " " + b.get(i)[1] : "-";
      boolean differ = !l.equals(r);
      String mark = differ && !marked ? "  <<" : "";
      marked |= differ;
      lines.add(String.format(Locale.ROOT, "%s  %-36s | %s%s", pad, l, r, mark));
    }
    List<CallTrace> subs = ours == null ? List.of() : ours.subcalls();
    List<JsonNode> expSubs = new ArrayList<>();
    if (exp != null) {
      exp.path("Subcalls").forEach(expSubs::add);
    }
    for (int i = 0; i < Math.max(subs.size(), expSubs.size()); i++) {
      walk(
          i < subs.size() ? subs.get(i) : null,
          i < expSubs.size() ? expSubs.get(i) : null,
          depth + 1,
          lines);
    }
  }
}
