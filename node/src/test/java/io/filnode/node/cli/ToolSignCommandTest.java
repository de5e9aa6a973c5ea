package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.SignatureType;
import io.filnode.node.keystore.KeyInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@code filnode tool sign} and {@code tool verify} through the real command line. */
class ToolSignCommandTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  /** A valid secp256k1 key (any scalar below n) and its unsigned message. */
  private static final String SECP_KEY =
      "0101010101010101010101010101010101010101010101010101010101010101";

  private static ObjectNode secpMessage() throws Exception {
    String from = Signer.address(SignatureType.SECP256K1, HEX.parseHex(SECP_KEY)).toString();
    return (ObjectNode)
        PLAIN.readTree(
            "{\"Version\":0,\"To\":\"f01234\",\"From\":\""
                + from
                + "\",\"Nonce\":7,\"Value\":\"1000\",\"GasLimit\":25000,"
                + "\"GasFeeCap\":\"100\",\"GasPremium\":\"1\",\"Method\":2,\"Params\":\"gkMA\"}");
  }

  private static JsonNode signedJson(CliRun r) throws Exception {
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    return PLAIN.readTree(r.out());
  }

  @Test
  void signsLotusVectorsAndVerifiesThem() throws Exception {
    JsonNode vectors =
        PLAIN.readTree(SharedData.require("vectors/serialization/message_signing.json").toFile());
    int checked = 0;
    for (JsonNode v : vectors) {
      String unsigned = v.get("Unsigned").toString();
      byte[] key = Base64.getDecoder().decode(v.get("PrivateKey").asText());
      String type = v.get("Signature").get("Type").asInt() == 2 ? "bls" : "secp256k1";
      JsonNode signed =
          signedJson(
              CliRun.run(
                  unsigned,
                  "tool",
                  "sign",
                  "--type",
                  type,
                  "--key-hex",
                  HEX.formatHex(key),
                  "--network",
                  "testnet"));
      assertThat(signed.get("Signature")).isEqualTo(v.get("Signature"));
      // BLS messages are known by their unsigned CID
      assertThat(signed.get("CID").get("/").asText()).isEqualTo(v.get("Cid").asText());
      ObjectNode message = (ObjectNode) signed.get("Message").deepCopy();
      assertThat(message.remove("CID").get("/").asText()).isEqualTo(v.get("Cid").asText());
      assertThat(message).isEqualTo(v.get("Unsigned"));

      // the same key as `lotus wallet export` prints it, type taken from the export
      String lotusHex = new KeyInfo(KeyHex.type(type), key).toLotusHex();
      JsonNode again =
          signedJson(
              CliRun.run(unsigned, "tool", "sign", "--key-hex", lotusHex, "--network", "testnet"));
      assertThat(again).isEqualTo(signed);

      // the vector's own signed message verifies, and fails on another nonce
      ObjectNode theirs = PLAIN.createObjectNode();
      theirs.set("Message", v.get("Unsigned"));
      theirs.set("Signature", v.get("Signature"));
      CliRun ok = CliRun.run(theirs.toString(), "tool", "verify");
      assertThat(ok.out().strip()).isEqualTo("valid");
      assertThat(ok.exit()).isZero();
      ((ObjectNode) theirs.get("Message"))
          .put("Nonce", v.get("Unsigned").get("Nonce").asLong() + 1);
      CliRun bad = CliRun.run(theirs.toString(), "tool", "verify");
      assertThat(bad.out()).startsWith("invalid: ");
      assertThat(bad.exit()).isEqualTo(1);
      checked++;
    }
    assertThat(checked).isEqualTo(vectors.size()).isPositive();
  }

  @Test
  void secp256k1SignOutputVerifiesAndTamperingIsCaught() throws Exception {
    JsonNode signed =
        signedJson(
            CliRun.run(
                secpMessage().toString(),
                "tool",
                "sign",
                "--type",
                "secp256k1",
                "--key-hex",
                "0x" + SECP_KEY));
    assertThat(signed.get("Signature").get("Type").asInt()).isEqualTo(1);
    assertThat(Base64.getDecoder().decode(signed.get("Signature").get("Data").asText()))
        .hasSize(65);
    // secp256k1 messages are known by the signed CID
    assertThat(signed.get("CID")).isNotEqualTo(signed.get("Message").get("CID"));

    CliRun ok = CliRun.run(signed.toString(), "tool", "verify");
    assertThat(ok.err()).isEmpty();
    assertThat(ok.out()).isEqualTo("valid\n");
    assertThat(ok.exit()).isZero();

    ObjectNode flipped = signed.deepCopy();
    byte[] sig = Base64.getDecoder().decode(signed.get("Signature").get("Data").asText());
    sig[10] ^= 1;
    ((ObjectNode) flipped.get("Signature")).put("Data", Base64.getEncoder().encodeToString(sig));
    CliRun bad = CliRun.run(flipped.toString(), "tool", "verify");
    assertThat(bad.out()).startsWith("invalid: the secp256k1 signature is not ");
    assertThat(bad.exit()).isEqualTo(1);

    ObjectNode otherValue = signed.deepCopy();
    ((ObjectNode) otherValue.get("Message")).put("Value", "1001");
    otherValue.remove("CID");
    assertThat(CliRun.run(otherValue.toString(), "tool", "verify").exit()).isEqualTo(1);

    ObjectNode wrongCid = signed.deepCopy();
    wrongCid.set("CID", signed.get("Message").get("CID"));
    CliRun cid = CliRun.run(wrongCid.toString(), "tool", "verify");
    assertThat(cid.out()).startsWith("invalid: the CID field ");
    assertThat(cid.exit()).isEqualTo(1);

    ObjectNode wrongType = signed.deepCopy();
    ((ObjectNode) wrongType.get("Signature")).put("Type", 2);
    CliRun type = CliRun.run(wrongType.toString(), "tool", "verify");
    assertThat(type.out()).startsWith("invalid: a BLS signature cannot be from f1");
    assertThat(type.exit()).isEqualTo(1);
  }

  @Test
  void refusesAMessageFromAnotherAddressOrWithoutFrom() throws Exception {
    ObjectNode m = secpMessage();
    String keyAddress = m.get("From").asText();
    m.put("From", "f1d2xrzcslx7xlbbylc5c3d5lvandqw4iwl6epxba");
    CliRun.run(m.toString(), "tool", "sign", "--type", "secp256k1", "--key-hex", SECP_KEY)
        .assertOneLineError("is not this key's address " + keyAddress);
    m.put("From", "");
    CliRun.run(m.toString(), "tool", "sign", "--type", "secp256k1", "--key-hex", SECP_KEY)
        .assertOneLineError("the message has no From; set it to the key's address " + keyAddress);
    m.remove("From");
    CliRun.run(m.toString(), "tool", "sign", "--type", "secp256k1", "--key-hex", SECP_KEY)
        .assertOneLineError("has no From");
  }

  @Test
  void helpSaysWhichKeyFormsAreAccepted() {
    CliRun help = CliRun.run("", "tool", "sign", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("--key-hex=HEX")
        .contains("BLS little-endian")
        .contains("hex-lotus export as `lotus wallet export` prints it");
    assertThat(CliRun.run("", "tool", "verify", "--help").out()).contains("\"valid\"");
  }

  @Test
  void badKeysAndInputGetOneClearLine() throws Exception {
    String msg = secpMessage().toString();
    CliRun.run(msg, "tool", "sign", "--type", "secp256k1", "--key-hex", "zz")
        .assertOneLineError("--key-hex is not hex");
    CliRun.run(msg, "tool", "sign", "--key-hex", SECP_KEY)
        .assertOneLineError("--type is required with a raw 32-byte key");
    CliRun.run(msg, "tool", "sign", "--type", "ed25519", "--key-hex", SECP_KEY)
        .assertOneLineError("unknown key type 'ed25519'");
    CliRun.run(msg, "tool", "sign", "--type", "bls", "--key-hex", "0102")
        .assertOneLineError("got 2 bytes");
    String lotusHex = new KeyInfo(SignatureType.SECP256K1, HEX.parseHex(SECP_KEY)).toLotusHex();
    CliRun.run(msg, "tool", "sign", "--type", "bls", "--key-hex", lotusHex)
        .assertOneLineError("--type bls does not match the exported key, which is secp256k1");
    CliRun.run(
            msg,
            "tool",
            "sign",
            "--key-hex",
            HEX.formatHex("{\"Type\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
        .assertOneLineError("--key-hex is not a hex-lotus key");
    // n itself is not a valid scalar
    String n = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    CliRun.run(msg, "tool", "sign", "--type", "secp256k1", "--key-hex", n)
        .assertOneLineError("invalid secp256k1 key");
    CliRun.run("", "tool", "sign", "--type", "secp256k1", "--key-hex", SECP_KEY)
        .assertOneLineError("no JSON on stdin");
    CliRun.run("{\"Version\":", "tool", "sign", "--type", "secp256k1", "--key-hex", SECP_KEY)
        .assertOneLineError("invalid JSON on stdin");
    CliRun.run("[1]", "tool", "verify").assertOneLineError("invalid signed-message JSON");

    ObjectNode fromId = PLAIN.createObjectNode();
    ObjectNode m = secpMessage();
    m.put("From", "f01000");
    fromId.set("Message", m);
    fromId.set("Signature", PLAIN.readTree("{\"Type\":1,\"Data\":\"AA==\"}"));
    CliRun.run(fromId.toString(), "tool", "verify")
        .assertOneLineError("From f01000 is not a key address");
  }
}
