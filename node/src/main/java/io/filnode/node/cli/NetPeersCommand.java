package io.filnode.node.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.filnode.node.api.NetApi;
import io.filnode.rpc.Params;
import io.filnode.rpc.client.HttpRpcClient;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code net peers}: the daemon's connections, one {@code ID, [ADDR]} line each, as Lotus. */
@Command(name = "peers", description = "List the peers the daemon is connected to.")
public final class NetPeersCommand implements Callable<Integer> {
  private static final JavaType PEERS = Params.type(new TypeReference<List<NetApi.AddrInfo>>() {});

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Option(names = "--json", description = "print the list as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (HttpRpcClient c = api.connect()) {
      List<NetApi.AddrInfo> peers = ApiOptions.call(c, "Filecoin.NetPeers", PEERS);
      if (json) {
        ApiOptions.printJson(out, peers);
        return 0;
      }
      // sorted by ID, descending (Lotus compares the raw ID bytes; this the text), for stable
      // output
      peers.stream()
          .sorted(Comparator.comparing(NetApi.AddrInfo::id).reversed())
          .forEach(p -> out.println(p.id() + ", [" + String.join(" ", p.addrs()) + "]"));
    }
    return 0;
  }
}
