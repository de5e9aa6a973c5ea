package io.filnode.actors.testing;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.UnsignedMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The applied messages and their receipts of the conformance vectors in one folder, read by pattern
 * (the tests need no JSON library). For codec tests against real chain data.
 */
public record VectorMessages(Path path, List<UnsignedMessage> messages, List<Receipt> receipts) {
  private static final Pattern MESSAGE = Pattern.compile("\"bytes\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern RECEIPT =
      Pattern.compile("\"exit_code\"\\s*:\\s*(\\d+)\\s*,\\s*\"return\"\\s*:\\s*\"([^\"]*)\"");

  /** One receipt's exit code and return bytes. */
  public record Receipt(int exitCode, byte[] ret) {}

  public static List<VectorMessages> load(String folder) throws IOException, CborException {
    Path dir = SharedData.require("vectors/conformance/" + folder);
    List<VectorMessages> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        out.add(parse(p));
      }
    }
    return out;
  }

  private static VectorMessages parse(Path p) throws IOException, CborException {
    String json = Files.readString(p, StandardCharsets.UTF_8);
    List<UnsignedMessage> messages = new ArrayList<>();
    Matcher m = MESSAGE.matcher(json);
    while (m.find()) {
      messages.add(UnsignedMessage.fromCbor(Base64.getDecoder().decode(m.group(1))));
    }
    List<Receipt> receipts = new ArrayList<>();
    Matcher r = RECEIPT.matcher(json);
    while (r.find()) {
      receipts.add(
          new Receipt(Integer.parseInt(r.group(1)), Base64.getDecoder().decode(r.group(2))));
    }
    return new VectorMessages(p, messages, receipts);
  }
}
