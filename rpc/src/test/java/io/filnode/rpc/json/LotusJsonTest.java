package io.filnode.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.address.Network;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.UnsignedMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Lotus serialization vectors through the Jackson module, JSON to CBOR and back. */
class LotusJsonTest {
  /** The vectors were made on a test network: their addresses start with 't'. */
  private static final ObjectMapper TESTNET = LotusJson.objectMapper(Network.TESTNET);

  private static final ObjectMapper MAINNET = LotusJson.objectMapper(Network.MAINNET);

  private static JsonNode vectors(String name) throws Exception {
    Path p = SharedData.require("vectors/serialization/" + name);
    return TESTNET.readTree(p.toFile());
  }

  @Test
  void blockHeadersMatchTheirCborAndCidBothWays() throws Exception {
    JsonNode vectors = vectors("block_headers.json");
    assertThat(vectors.size()).isEqualTo(5);
    for (JsonNode v : vectors) {
      JsonNode json = v.get("block");
      BlockHeader fromJson = TESTNET.treeToValue(json, BlockHeader.class);
      assertThat(Hex.encode(fromJson.toCbor())).isEqualTo(v.get("cbor_hex").textValue());
      assertThat(fromJson.cid()).isEqualTo(Cid.parse(v.get("cid").textValue()));

      BlockHeader fromCbor = BlockHeader.fromCbor(Hex.decode(v.get("cbor_hex").textValue()));
      assertThat(tree(TESTNET, fromCbor).toString()).isEqualTo(json.toString());
    }
  }

  @Test
  void unsignedMessagesMatchTheirCborBothWays() throws Exception {
    JsonNode vectors = vectors("unsigned_messages.json");
    assertThat(vectors.size()).isEqualTo(21);
    for (JsonNode v : vectors) {
      JsonNode json = v.get("message");
      UnsignedMessage fromJson = TESTNET.treeToValue(json, UnsignedMessage.class);
      assertThat(Hex.encode(fromJson.toCbor())).isEqualTo(v.get("hex_cbor").textValue());

      UnsignedMessage fromCbor =
          UnsignedMessage.fromCbor(Hex.decode(v.get("hex_cbor").textValue()));
      assertThat(withoutCid(tree(TESTNET, fromCbor), fromCbor.cid())).hasToString(json.toString());
    }
  }

  @Test
  void signingVectorsHaveTheirMessageCids() throws Exception {
    JsonNode vectors = vectors("message_signing.json");
    assertThat(vectors.size()).isPositive();
    for (JsonNode v : vectors) {
      JsonNode json = v.get("Unsigned");
      UnsignedMessage m = TESTNET.treeToValue(json, UnsignedMessage.class);
      assertThat(m.cid().toString()).isEqualTo(v.get("Cid").textValue());
      assertThat(Hex.encode(m.cid().bytes())).isEqualTo(v.get("CidHexBytes").textValue());

      UnsignedMessage fromCbor = UnsignedMessage.fromCbor(m.toCbor());
      assertThat(withoutCid(tree(TESTNET, fromCbor), m.cid())).hasToString(json.toString());

      // the signed form: Lotus prints the BLS-signed message's CID as the message's own
      SignedMessage signed =
          new SignedMessage(m, TESTNET.treeToValue(v.get("Signature"), Signature.class));
      JsonNode signedJson = TESTNET.valueToTree(signed);
      assertThat(signedJson.get("Signature")).hasToString(v.get("Signature").toString());
      assertThat(signedJson.get("CID").get("/").textValue()).isEqualTo(signed.cid().toString());
      assertThat(TESTNET.treeToValue(signedJson, SignedMessage.class)).isEqualTo(signed);
    }
  }

  @Test
  void addressesPrintWithTheConfiguredNetworkAndReadWithEither() throws Exception {
    JsonNode json = vectors("block_headers.json").get(0).get("block");
    BlockHeader h = TESTNET.treeToValue(json, BlockHeader.class);
    JsonNode mainnet = MAINNET.valueToTree(h);
    assertThat(mainnet.get("Miner").textValue()).isEqualTo("f01000");
    assertThat(MAINNET.treeToValue(json, BlockHeader.class)).isEqualTo(h);
    assertThat(TESTNET.treeToValue(mainnet, BlockHeader.class)).isEqualTo(h);
  }

  @Test
  void tipSetPrintsItsCidsBlocksAndHeight() throws Exception {
    JsonNode json = vectors("block_headers.json").get(2).get("block");
    BlockHeader h = TESTNET.treeToValue(json, BlockHeader.class);
    TipSet ts = TipSet.of(h);
    JsonNode out = TESTNET.valueToTree(ts);
    assertThat(out.fieldNames()).toIterable().containsExactly("Cids", "Blocks", "Height");
    assertThat(out.get("Cids").get(0).get("/").textValue()).isEqualTo(h.cid().toString());
    assertThat(out.get("Blocks").get(0)).hasToString(json.toString());
    assertThat(out.get("Height").asLong()).isEqualTo(h.height());
    assertThat(TESTNET.treeToValue(out, TipSet.class)).isEqualTo(ts);
  }

  private static JsonNode tree(ObjectMapper mapper, Object value) {
    return mapper.valueToTree(value);
  }

  // Trees are compared as compact text: that checks field order, and numbers by their digits
  // (Jackson's IntNode and LongNode of the same value are not equal).

  /** The vectors predate Lotus adding "CID" to Message JSON; check it and take it off. */
  private static JsonNode withoutCid(JsonNode ours, Cid expected) {
    ObjectNode copy = ((ObjectNode) ours).deepCopy();
    assertThat(copy.remove("CID")).isEqualTo(MAINNET.valueToTree(expected));
    return copy;
  }
}
