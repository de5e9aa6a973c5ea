package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Network;
import io.filnode.chain.crypto.CryptoException;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.keystore.KeyInfo;
import io.filnode.rpc.json.LotusJson;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code filnode tool sign}: signs a Lotus-JSON message on stdin with a key given in hex. */
@Command(
    name = "sign",
    description = {
      "Read the Lotus JSON of an unsigned message on stdin, sign it as Lotus does (its CID bytes),"
          + " and print the signed message in Lotus JSON, whose \"CID\" is the signed message's"
          + " CID (for BLS, the unsigned message's, as in Lotus).",
      "The message's From must be the key's address."
    })
final class ToolSignCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  boolean help;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "secp256k1 or bls; required with a raw key, optional with a hex-lotus export (which"
              + " names its own type)")
  String type;

  @Option(
      names = "--key-hex",
      required = true,
      paramLabel = "HEX",
      description =
          "the private key: either its 32 raw bytes in hex, in Lotus KeyInfo order (secp256k1"
              + " big-endian, BLS little-endian), or a hex-lotus export as `lotus wallet export`"
              + " prints it (the hex of the KeyInfo JSON). Other local users can see command"
              + " lines: use throw-away keys")
  String keyHex;

  @Option(
      names = "--network",
      defaultValue = "mainnet",
      description = "address prefix to print: mainnet (f) or testnet (t); default ${DEFAULT-VALUE}")
  String network;

  @Override
  public Integer call() throws Exception {
    Network net = ToolCommand.network(network);
    KeyInfo key = KeyHex.parse(type, keyHex);
    Address signer;
    try {
      signer = Signer.address(key.type(), key.privateKey());
    } catch (CryptoException e) {
      throw new ToolCommand.BadInput(
          "invalid " + KeyInfo.typeName(key.type()) + " key: " + e.getMessage(), e);
    }
    ObjectMapper json = LotusJson.objectMapper(net);
    JsonNode tree = ToolCommand.readStdinJson(json);
    JsonNode from = ToolCommand.field(tree, "From");
    if (tree.isObject() && (from.isMissingNode() || from.isNull() || "".equals(from.asText()))) {
      throw new ToolCommand.BadInput(
          "the message has no From; set it to the key's address " + signer.toString(net));
    }
    UnsignedMessage message = (UnsignedMessage) ChainValueType.MESSAGE.fromJson(json, tree);
    if (!message.from().equals(signer)) {
      throw new ToolCommand.BadInput(
          "the message's From "
              + message.from().toString(net)
              + " is not this key's address "
              + signer.toString(net)
              + "; refusing to sign");
    }
    SignedMessage signed = Signer.signMessage(key.type(), key.privateKey(), message);
    ToolCommand.print(spec, json, json.valueToTree(signed));
    return 0;
  }
}
