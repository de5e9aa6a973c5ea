package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Prints a {@code MsgLookup} answer as {@code lotus state wait-msg} and {@code search-msg} do: the
 * replacement's CID when another message took its place, the tipset, exit code, gas used and the
 * raw return value in hex; or the JSON itself.
 */
final class MsgLookupPrinter {
  private MsgLookupPrinter() {}

  static void print(PrintWriter out, String wanted, JsonNode lookup, boolean json)
      throws IOException {
    if (json) {
      ApiOptions.printJson(out, lookup);
      return;
    }
    if (lookup == null || lookup.isNull()) {
      out.println("message was not found on chain");
      return;
    }
    String found = lookup.path("Message").path("/").asText();
    if (!found.equals(wanted)) {
      out.println("Message was replaced: " + found);
    }
    List<String> cids = new ArrayList<>();
    lookup.path("TipSet").forEach(c -> cids.add(c.path("/").asText()));
    JsonNode r = lookup.path("Receipt");
    byte[] ret =
        r.path("Return").isTextual()
            ? Base64.getDecoder().decode(r.get("Return").asText())
            : new byte[0];
    out.println("Executed in tipset: " + cids);
    out.println("Exit Code: " + r.path("ExitCode").asLong());
    out.println("Gas Used: " + r.path("GasUsed").asLong());
    out.println("Return: " + HexFormat.of().formatHex(ret));
  }
}
