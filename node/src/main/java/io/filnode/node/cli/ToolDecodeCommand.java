package io.filnode.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cid.Hex;
import io.filnode.rpc.json.LotusJson;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filnode tool decode TYPE HEX}: the Lotus JSON of a CBOR value, and its CID. */
@Command(
    name = "decode",
    description = {
      "Decode hex CBOR of a chain value; print {\"json\": <Lotus JSON>, \"cid\": {\"/\": ...}}.",
      "TYPE: message, signed-message, block-header, receipt, msg-meta."
    })
final class ToolDecodeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TYPE", description = "the type of the value")
  String type;

  @Parameters(index = "1", paramLabel = "HEX", description = "the CBOR bytes in hex")
  String hex;

  @Option(
      names = "--network",
      defaultValue = "mainnet",
      description = "address prefix to print: mainnet (f) or testnet (t); default ${DEFAULT-VALUE}")
  String network;

  @Override
  public Integer call() throws Exception {
    ChainValueType t = ChainValueType.named(type);
    ObjectMapper json = LotusJson.objectMapper(ToolCommand.network(network));
    byte[] bytes;
    try {
      bytes = Hex.decode(hex.startsWith("0x") ? hex.substring(2) : hex);
    } catch (IllegalArgumentException e) {
      throw new ToolCommand.BadInput("invalid hex: " + e.getMessage(), e);
    }
    CborEncodable value = t.fromCbor(bytes);
    ObjectNode out = json.createObjectNode();
    out.set("json", json.valueToTree(value));
    out.set("cid", json.valueToTree(value.cid()));
    ToolCommand.print(spec, json, out);
    return 0;
  }
}
