package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.testing.SharedData;
import org.junit.jupiter.api.Test;

/** {@code filnode tool decode|encode} through the real command line. */
class ToolCommandTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static JsonNode vector(String file, int index) throws Exception {
    return PLAIN.readTree(SharedData.require("vectors/serialization/" + file).toFile()).get(index);
  }

  private static void assertOneLineError(CliRun r, String contains) {
    r.assertOneLineError(contains);
  }

  @Test
  void blockHeaderRoundTripsThroughDecodeAndEncode() throws Exception {
    JsonNode v = vector("block_headers.json", 0);
    String hex = v.get("cbor_hex").textValue();

    CliRun decoded = CliRun.run("", "tool", "decode", "--network", "testnet", "block-header", hex);
    assertThat(decoded.err()).isEmpty();
    assertThat(decoded.exit()).isZero();
    JsonNode out = PLAIN.readTree(decoded.out());
    assertThat(out.get("json").toString()).isEqualTo(v.get("block").toString());
    assertThat(out.get("cid").get("/").textValue()).isEqualTo(v.get("cid").textValue());
    assertThat(decoded.out()).contains("\n  \"json\": {\n    \"Miner\": \"t01000\",");

    CliRun encoded = CliRun.run(out.get("json").toString(), "tool", "encode", "block-header");
    assertThat(encoded.err()).isEmpty();
    assertThat(encoded.exit()).isZero();
    JsonNode enc = PLAIN.readTree(encoded.out());
    assertThat(enc.get("cbor").textValue()).isEqualTo(hex);
    assertThat(enc.get("cid")).isEqualTo(out.get("cid"));
  }

  @Test
  void messageRoundTripsWithItsCid() throws Exception {
    JsonNode v = vector("unsigned_messages.json", 3);
    CliRun encoded = CliRun.run(v.get("message").toString(), "tool", "encode", "message");
    assertThat(encoded.exit()).isZero();
    JsonNode enc = PLAIN.readTree(encoded.out());
    assertThat(enc.get("cbor").textValue()).isEqualTo(v.get("hex_cbor").textValue());

    CliRun decoded = CliRun.run("", "tool", "decode", "message", enc.get("cbor").textValue());
    assertThat(decoded.exit()).isZero();
    JsonNode json = PLAIN.readTree(decoded.out()).get("json");
    assertThat(json.get("CID")).isEqualTo(enc.get("cid"));
    assertThat(json.get("To").textValue()).startsWith("f0"); // mainnet by default
  }

  @Test
  void badHexIsOneLine() {
    assertOneLineError(CliRun.run("", "tool", "decode", "message", "8a0g"), "invalid hex");
    assertOneLineError(CliRun.run("", "tool", "decode", "message", "8a0"), "invalid hex");
  }

  @Test
  void badCborIsOneLine() {
    assertOneLineError(CliRun.run("", "tool", "decode", "message", "8a00"), "invalid message CBOR");
    assertOneLineError(
        CliRun.run("", "tool", "decode", "receipt", "830000"), "invalid receipt CBOR");
  }

  @Test
  void badJsonIsOneLine() {
    assertOneLineError(
        CliRun.run("{\"Version\": ", "tool", "encode", "message"), "invalid JSON on stdin");
    assertOneLineError(CliRun.run("", "tool", "encode", "message"), "no JSON on stdin");
    assertOneLineError(
        CliRun.run("{\"ExitCode\": 0, \"GasUsed\": \"1\"}", "tool", "encode", "receipt"),
        "invalid receipt JSON: MessageReceipt.GasUsed: expected a 64-bit integer");
    assertOneLineError(
        CliRun.run("{\"BlsMessages\": {\"/\": \"x\"}}", "tool", "encode", "msg-meta"),
        "MsgMeta.BlsMessages: invalid CID 'x'");
  }

  @Test
  void unknownTypeOrNetworkIsOneLine() {
    assertOneLineError(CliRun.run("", "tool", "decode", "tipset", "80"), "unknown type 'tipset'");
    assertOneLineError(
        CliRun.run("", "tool", "decode", "--network", "moon", "message", "80"),
        "unknown network 'moon'");
  }
}
