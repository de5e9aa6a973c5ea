package io.filnode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cid.Hex;
import io.filnode.rpc.json.LotusJson;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code filnode tool encode TYPE}: Lotus JSON on stdin to hex CBOR and CID. */
@Command(
    name = "encode",
    description = {
      "Read the Lotus JSON of a chain value on stdin; print {\"cbor\": HEX, \"cid\": {\"/\": ...}}.",
      "TYPE: message, signed-message, block-header, receipt, msg-meta."
    })
final class ToolEncodeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TYPE", description = "the type of the value")
  String type;

  @Override
  public Integer call() throws Exception {
    ChainValueType t = ChainValueType.named(type);
    // addresses read with either prefix; the output holds none
    ObjectMapper json = LotusJson.objectMapper();
    JsonNode tree = ToolCommand.readStdinJson(json);
    CborEncodable value = t.fromJson(json, tree);
    ObjectNode out = json.createObjectNode();
    out.put("cbor", Hex.encode(value.toCbor()));
    out.set("cid", json.valueToTree(value.cid()));
    ToolCommand.print(spec, json, out);
    return 0;
  }
}
