package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.chain.address.Address;
import io.filnode.rpc.client.HttpRpcClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code state get-actor ADDR}: an actor at the head, through the daemon. */
@Command(name = "get-actor", description = "Print an actor at the head (through the daemon).")
final class StateGetActorCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Parameters(paramLabel = "ADDR")
  String address;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Address a = WalletCommand.parseAddress(address);
    PrintWriter out = spec.commandLine().getOut();
    try (HttpRpcClient c = api.connect()) {
      JsonNode actor = ApiOptions.call(c, "Filecoin.StateGetActor", JsonNode.class, a, null);
      if (json) {
        ApiOptions.printJson(out, actor);
      } else {
        out.println("Address:\t" + a);
        out.println("Balance:\t" + actor.path("Balance").asText() + " attoFIL");
        out.println("Nonce:\t\t" + actor.path("Nonce").asText());
        out.println("Code:\t\t" + actor.path("Code").path("/").asText());
        out.println("Head:\t\t" + actor.path("Head").path("/").asText());
      }
    }
    return 0;
  }
}
