package io.filnode.node.cli;

import io.filnode.node.api.NetApi;
import io.filnode.rpc.client.HttpRpcClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code net listen}: the daemon's libp2p addresses, each with its peer ID, as Lotus prints them.
 */
@Command(name = "listen", description = "List the daemon's libp2p listen addresses.")
public final class NetListenCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Option(names = "--json", description = "print the AddrInfo as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (HttpRpcClient c = api.connect()) {
      NetApi.AddrInfo info = ApiOptions.call(c, "Filecoin.NetAddrsListen", NetApi.AddrInfo.class);
      if (json) {
        ApiOptions.printJson(out, info);
      } else {
        for (String a : info.addrs()) {
          out.println(a + "/p2p/" + info.id());
        }
      }
    }
    return 0;
  }
}
