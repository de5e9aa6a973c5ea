package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TipSet;
import io.filnode.rpc.client.HttpRpcClient;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filnode chain …}: read the chain through the daemon's API, like {@code lotus chain}. */
@Command(
    name = "chain",
    description = "Query the chain through the daemon.",
    subcommands = {
      ChainCommand.Head.class,
      ChainCommand.GetBlock.class,
      ChainCommand.ReadObj.class,
      ChainExportCommand.class,
      ChainGetMessageCommand.class
    })
public final class ChainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Cid parseCid(String s) {
    try {
      return Cid.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + s + "' is not a CID: " + e.getMessage(), e);
    }
  }

  /** {@code chain head}: the head's block CIDs, one a line. */
  @Command(name = "head", description = "Print the head tipset's block CIDs.")
  static final class Head implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--json", description = "print the whole tipset as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (HttpRpcClient c = api.connect()) {
        if (json) {
          ApiOptions.printJson(out, ApiOptions.call(c, "Filecoin.ChainHead", JsonNode.class));
        } else {
          TipSet head = ApiOptions.call(c, "Filecoin.ChainHead", TipSet.class);
          head.cids().forEach(out::println);
        }
      }
      return 0;
    }
  }

  /** {@code chain get-block CID}: the header as JSON (as {@code lotus chain getblock}). */
  @Command(name = "get-block", description = "Print a block header as JSON.")
  static final class GetBlock implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "CID")
    String cid;

    @Option(names = "--json", description = "print JSON (the default; kept for symmetry)")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Cid c0 = parseCid(cid);
      try (HttpRpcClient c = api.connect()) {
        ApiOptions.printJson(
            spec.commandLine().getOut(),
            ApiOptions.call(c, "Filecoin.ChainGetBlock", JsonNode.class, c0));
      }
      return 0;
    }
  }

  /** {@code chain read-obj CID}: the raw block, hex encoded (as {@code lotus chain read-obj}). */
  @Command(name = "read-obj", description = "Print the raw bytes of an object, in hex.")
  static final class ReadObj implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "CID")
    String cid;

    @Option(names = "--json", description = "print {\"Cid\":…,\"Data\":hex} as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Cid c0 = parseCid(cid);
      try (HttpRpcClient c = api.connect()) {
        byte[] data = ApiOptions.call(c, "Filecoin.ChainReadObj", byte[].class, c0);
        String hex = HexFormat.of().formatHex(data);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          ApiOptions.printJson(out, Map.of("Cid", c0, "Data", hex));
        } else {
          out.println(hex);
        }
      }
      return 0;
    }
  }
}
