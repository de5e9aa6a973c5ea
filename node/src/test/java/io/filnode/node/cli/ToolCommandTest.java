package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code filnode tool decode|encode} through the real command line. */
class ToolCommandTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  /** What one run printed, and its exit status. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      var cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      return new Run(exit, out.toString(), err.toString());
    } finally {
      System.setIn(saved);
    }
  }

  private static JsonNode vector(String file, int index) throws Exception {
    return PLAIN.readTree(SharedData.require("vectors/serialization/" + file).toFile()).get(index);
  }

  private static void assertOneLineError(Run r, String contains) {
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").contains(contains);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void blockHeaderRoundTripsThroughDecodeAndEncode() throws Exception {
    JsonNode v = vector("block_headers.json", 0);
    String hex = v.get("cbor_hex").textValue();

    Run decoded = run("", "tool", "decode", "--network", "testnet", "block-header", hex);
    assertThat(decoded.err()).isEmpty();
    assertThat(decoded.exit()).isZero();
    JsonNode out = PLAIN.readTree(decoded.out());
    assertThat(out.get("json").toString()).isEqualTo(v.get("block").toString());
    assertThat(out.get("cid").get("/").textValue()).isEqualTo(v.get("cid").textValue());
    assertThat(decoded.out()).contains("\n  \"json\": {\n    \"Miner\": \"t01000\",");

    Run encoded = run(out.get("json").toString(), "tool", "encode", "block-header");
    assertThat(encoded.err()).isEmpty();
    assertThat(encoded.exit()).isZero();
    JsonNode enc = PLAIN.readTree(encoded.out());
    assertThat(enc.get("cbor").textValue()).isEqualTo(hex);
    assertThat(enc.get("cid")).isEqualTo(out.get("cid"));
  }

  @Test
  void messageRoundTripsWithItsCid() throws Exception {
    JsonNode v = vector("unsigned_messages.json", 3);
    Run encoded = run(v.get("message").toString(), "tool", "encode", "message");
    assertThat(encoded.exit()).isZero();
    JsonNode enc = PLAIN.readTree(encoded.out());
    assertThat(enc.get("cbor").textValue()).isEqualTo(v.get("hex_cbor").textValue());

    Run decoded = run("", "tool", "decode", "message", enc.get("cbor").textValue());
    assertThat(decoded.exit()).isZero();
    JsonNode json = PLAIN.readTree(decoded.out()).get("json");
    assertThat(json.get("CID")).isEqualTo(enc.get("cid"));
    assertThat(json.get("To").textValue()).startsWith("f0"); // mainnet by default
  }

  @Test
  void badHexIsOneLine() {
    assertOneLineError(run("", "tool", "decode", "message", "8a0g"), "invalid hex");
    assertOneLineError(run("", "tool", "decode", "message", "8a0"), "invalid hex");
  }

  @Test
  void badCborIsOneLine() {
    assertOneLineError(run("", "tool", "decode", "message", "8a00"), "invalid message CBOR");
    assertOneLineError(run("", "tool", "decode", "receipt", "830000"), "invalid receipt CBOR");
  }

  @Test
  void badJsonIsOneLine() {
    assertOneLineError(run("{\"Version\": ", "tool", "encode", "message"), "invalid JSON on stdin");
    assertOneLineError(run("", "tool", "encode", "message"), "no JSON on stdin");
    assertOneLineError(
        run("{\"ExitCode\": 0, \"GasUsed\": \"1\"}", "tool", "encode", "receipt"),
        "invalid receipt JSON: MessageReceipt.GasUsed: expected a 64-bit integer");
    assertOneLineError(
        run("{\"BlsMessages\": {\"/\": \"x\"}}", "tool", "encode", "msg-meta"),
        "MsgMeta.BlsMessages: invalid CID 'x'");
  }

  @Test
  void unknownTypeOrNetworkIsOneLine() {
    assertOneLineError(run("", "tool", "decode", "tipset", "80"), "unknown type 'tipset'");
    assertOneLineError(
        run("", "tool", "decode", "--network", "moon", "message", "80"), "unknown network 'moon'");
  }
}
