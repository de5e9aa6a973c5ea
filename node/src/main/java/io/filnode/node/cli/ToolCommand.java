package io.filnode.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.filnode.chain.address.Network;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code filnode tool …}: offline tools for chain values. Each subcommand lives in its own class
 * and is listed here; they share the helpers below (network names, Go-style JSON output, input
 * errors).
 */
@Command(
    name = "tool",
    description =
        "Offline tools for chain values: decode and encode CBOR, sign and verify messages.",
    subcommands = {
      ToolDecodeCommand.class,
      ToolEncodeCommand.class,
      ToolSignCommand.class,
      ToolVerifyCommand.class
    })
public final class ToolCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Input the user got wrong: reported as one line, exit status 1. */
  static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(oneLine(message));
    }

    BadInput(String message, Throwable cause) {
      super(oneLine(message), cause);
    }

    private static String oneLine(String s) {
      return s.replaceAll("\\s*\\R\\s*", " ");
    }
  }

  /** {@code mainnet} (addresses {@code f…}) or {@code testnet} ({@code t…}). */
  static Network network(String name) throws BadInput {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "mainnet", "f" -> Network.MAINNET;
      case "testnet", "t" -> Network.TESTNET;
      default -> throw new BadInput("unknown network '" + name + "' (use mainnet or testnet)");
    };
  }

  /** Reads one JSON value from stdin; empty input or invalid JSON is bad input. */
  static JsonNode readStdinJson(ObjectMapper json) throws BadInput, IOException {
    String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new BadInput("no JSON on stdin");
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadInput("invalid JSON on stdin: " + describe(e), e);
    }
  }

  /**
   * A field of a JSON object matched without regard to case, as Go's {@code encoding/json} (and so
   * {@code LotusJsonReader}) matches it; missing when absent or when {@code node} is no object.
   */
  static JsonNode field(JsonNode node, String name) {
    var fields = node.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue();
      }
    }
    return MissingNode.getInstance();
  }

  /** The message of a Jackson failure without the multi-line source excerpt. */
  static String describe(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return e.getOriginalMessage() + where;
  }

  /** Prints JSON indented as Lotus prints it (Go's {@code json.MarshalIndent} with two spaces). */
  static void print(CommandLine.Model.CommandSpec spec, ObjectMapper mapper, JsonNode json)
      throws JsonProcessingException {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    pretty.indentObjectsWith(indent);
    pretty.indentArraysWith(indent);
    PrintWriter out = spec.commandLine().getOut();
    out.println(mapper.writer(pretty).writeValueAsString(json));
    out.flush();
  }
}
