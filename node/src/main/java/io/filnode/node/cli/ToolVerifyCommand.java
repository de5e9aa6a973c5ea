package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Network;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.SignatureVerifier;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.rpc.json.LotusJson;
import io.filnode.rpc.json.LotusJsonException;
import io.filnode.rpc.json.LotusJsonReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code filnode tool verify}: checks the signature of a Lotus-JSON signed message on stdin. */
@Command(
    name = "verify",
    description = {
      "Read the Lotus JSON of a signed message on stdin and check its signature against its From,"
          + " as Lotus does. Prints \"valid\" (exit 0) or \"invalid: REASON\" (exit 1).",
      "A \"CID\" field, when present, must be the signed message's CID.",
      "From must be a key address (f1 for secp256k1, f3 for BLS): ID addresses need chain state."
    })
final class ToolVerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  boolean help;

  @Option(
      names = "--network",
      defaultValue = "mainnet",
      description = "address prefix to print: mainnet (f) or testnet (t); default ${DEFAULT-VALUE}")
  String network;

  @Override
  public Integer call() throws Exception {
    Network net = ToolCommand.network(network);
    ObjectMapper json = LotusJson.objectMapper(net);
    JsonNode tree = ToolCommand.readStdinJson(json);
    SignedMessage signed = (SignedMessage) ChainValueType.SIGNED_MESSAGE.fromJson(json, tree);
    Address from = signed.message().from();
    if (from.protocol() != Protocol.SECP256K1 && from.protocol() != Protocol.BLS) {
      throw new ToolCommand.BadInput(
          "From "
              + from.toString(net)
              + " is not a key address (f1 or f3); resolving it needs chain state");
    }
    String problem = problem(signed, ToolCommand.field(tree, "CID"), net);
    PrintWriter out = spec.commandLine().getOut();
    out.println(problem == null ? "valid" : "invalid: " + problem);
    out.flush();
    return problem == null ? 0 : 1;
  }

  /** Why the signed message is not valid, or null when it is. */
  private static String problem(SignedMessage signed, JsonNode cidField, Network net)
      throws ToolCommand.BadInput {
    Address from = signed.message().from();
    SignatureType type = signed.signature().type();
    Protocol wanted = type == SignatureType.BLS ? Protocol.BLS : Protocol.SECP256K1;
    if (from.protocol() != wanted) {
      return "a " + typeName(type) + " signature cannot be from " + from.toString(net);
    }
    if (!SignatureVerifier.verifyMessage(signed)) {
      return "the "
          + typeName(type)
          + " signature is not "
          + from.toString(net)
          + "'s over this message";
    }
    if (!cidField.isMissingNode() && !cidField.isNull()) {
      Cid given;
      try {
        given = LotusJsonReader.cid(cidField, "CID");
      } catch (LotusJsonException e) {
        throw new ToolCommand.BadInput(
            "invalid signed-message JSON: " + ToolCommand.describe(e), e);
      }
      if (!given.equals(signed.cid())) {
        return "the CID field " + given + " is not the signed message's CID " + signed.cid();
      }
    }
    return null;
  }

  private static String typeName(SignatureType type) {
    return type == SignatureType.BLS ? "BLS" : "secp256k1";
  }
}
