package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TipSetKey;
import io.filnode.rpc.client.HttpRpcClient;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code state search-msg CID}: whether and where the message was executed, searching back from the
 * head (as {@code lotus state search-msg}, through {@code StateSearchMsg}).
 */
@Command(
    name = "search-msg",
    description = "Search to see whether a message has appeared on chain.")
final class StateSearchMsgCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Parameters(paramLabel = "CID")
  String cid;

  @Option(names = "--json", description = "print the MsgLookup as JSON (null when not found)")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Cid c0 = ChainCommand.parseCid(cid);
    try (HttpRpcClient c = api.connect()) {
      JsonNode lookup =
          ApiOptions.call(
              c, "Filecoin.StateSearchMsg", JsonNode.class, TipSetKey.EMPTY, c0, -1, true);
      MsgLookupPrinter.print(spec.commandLine().getOut(), c0.toString(), lookup, json);
    }
    return 0;
  }
}
