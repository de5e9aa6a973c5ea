package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.chain.cid.Cid;
import io.filnode.rpc.client.HttpRpcClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code state wait-msg CID}: waits until the message is executed and {@code --confidence} tipsets
 * follow (as {@code lotus state wait-msg}, through the daemon's {@code StateWaitMsg}).
 */
@Command(name = "wait-msg", description = "Wait for a message to appear on chain.")
final class StateWaitMsgCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Parameters(paramLabel = "CID")
  String cid;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description = "give up after this long: 90s, 10m, 1h (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(
      names = "--confidence",
      paramLabel = "N",
      defaultValue = "5",
      description = "tipsets on top of the executing one (default: ${DEFAULT-VALUE}, as Lotus)")
  long confidence;

  @Option(names = "--json", description = "print the MsgLookup as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Cid c0 = ChainCommand.parseCid(cid);
    Duration limit = parseDuration(timeout);
    if (confidence < 0) {
      throw new IllegalArgumentException("--confidence must not be negative");
    }
    try (HttpRpcClient c = api.connect(limit)) {
      JsonNode lookup;
      try {
        lookup =
            ApiOptions.call(c, "Filecoin.StateWaitMsg", JsonNode.class, c0, confidence, -1, true);
      } catch (HttpTimeoutException e) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + c0, e);
      }
      MsgLookupPrinter.print(spec.commandLine().getOut(), c0.toString(), lookup, json);
    }
    return 0;
  }

  /** A duration as Go writes short ones: a number and one unit of ms, s, m or h. */
  static Duration parseDuration(String s) {
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--timeout '" + s + "': expected a number and a unit (ms, s, m, h), like 10m");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    if (d.isZero()) {
      throw new IllegalArgumentException("--timeout must be more than zero");
    }
    return d;
  }
}
