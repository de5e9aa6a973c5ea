package io.filnode.node.cli;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.rpc.client.HttpRpcClient;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chain get-message CID}: the stored message as JSON, signed with its signature when it was
 * stored signed (as {@code lotus chain getmessage}, which reads the raw object).
 */
@Command(name = "get-message", description = "Print a message by its CID, as JSON.")
final class ChainGetMessageCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Parameters(paramLabel = "CID")
  String cid;

  @Option(names = "--json", description = "print JSON (the default; kept for symmetry)")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Cid c0 = ChainCommand.parseCid(cid);
    try (HttpRpcClient c = api.connect()) {
      byte[] data = ApiOptions.call(c, "Filecoin.ChainReadObj", byte[].class, c0);
      ApiOptions.printJson(spec.commandLine().getOut(), decode(c0, data));
    }
    return 0;
  }

  private static Object decode(Cid c0, byte[] data) {
    try {
      return UnsignedMessage.fromCbor(data);
    } catch (CborException notUnsigned) {
      try {
        return SignedMessage.fromCbor(data);
      } catch (CborException e) {
        throw new IllegalArgumentException(
            "failed to decode object " + c0 + " as a message: " + e.getMessage(), e);
      }
    }
  }
}
