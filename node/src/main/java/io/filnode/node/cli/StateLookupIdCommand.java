package io.filnode.node.cli;

import io.filnode.chain.address.Address;
import io.filnode.rpc.client.HttpRpcClient;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code state lookup-id ADDR}: the ID address of an address at the head, through the daemon. */
@Command(
    name = "lookup-id",
    description = "Print the ID address of an address (through the daemon).")
final class StateLookupIdCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Parameters(paramLabel = "ADDR")
  String address;

  @Override
  public Integer call() throws Exception {
    Address a = WalletCommand.parseAddress(address);
    try (HttpRpcClient c = api.connect()) {
      spec.commandLine()
          .getOut()
          .println(ApiOptions.call(c, "Filecoin.StateLookupID", Address.class, a, null));
    }
    return 0;
  }
}
