package io.filnode.chain.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.testing.SharedData;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Lotus's serialization vectors (../shared/vectors/serialization), on the CBOR side: bytes decode,
 * re-encode to the same bytes, and give the vector's CID. The JSON side is tested in rpc.
 */
class SerializationVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode load(String name) throws IOException {
    return JSON.readTree(SharedData.require("vectors/serialization/" + name).toFile());
  }

  @Test
  void blockHeaders() throws IOException, CborException {
    JsonNode cases = load("block_headers.json");
    assertThat(cases.size()).isEqualTo(5);
    for (JsonNode c : cases) {
      byte[] cbor = Hex.decode(c.get("cbor_hex").asText());
      BlockHeader h = BlockHeader.fromCbor(cbor);
      assertThat(h.toCbor()).isEqualTo(cbor);
      assertThat(h.cid()).isEqualTo(Cid.parse(c.get("cid").asText()));
      JsonNode b = c.get("block");
      assertThat(h.height()).isEqualTo(b.get("Height").asLong());
      assertThat(h.miner()).isEqualTo(Address.parse(b.get("Miner").asText()));
      assertThat(h.parentWeight()).isEqualTo(new BigInteger(b.get("ParentWeight").asText()));
      assertThat(h.timestamp()).isEqualTo(b.get("Timestamp").asLong());
      assertThat(h.messages().toString()).isEqualTo(b.get("Messages").get("/").asText());
    }
  }

  @Test
  void unsignedMessages() throws IOException, CborException {
    JsonNode cases = load("unsigned_messages.json");
    assertThat(cases.size()).isEqualTo(21);
    for (JsonNode c : cases) {
      byte[] cbor = Hex.decode(c.get("hex_cbor").asText());
      UnsignedMessage m = UnsignedMessage.fromCbor(cbor);
      assertThat(m.toCbor()).isEqualTo(cbor);
      assertThat(m).isEqualTo(fromJson(c.get("message")));
    }
  }

  @Test
  void signingVectorsGiveTheUnsignedCid() throws IOException {
    JsonNode cases = load("message_signing.json");
    assertThat(cases.size()).isPositive();
    for (JsonNode c : cases) {
      UnsignedMessage m = fromJson(c.get("Unsigned"));
      assertThat(m.cid().toString()).isEqualTo(c.get("Cid").asText());
      assertThat(Hex.encode(m.cid().bytes())).isEqualTo(c.get("CidHexBytes").asText());
      // a BLS-signed message keeps the unsigned CID
      Signature sig =
          new Signature(
              SignatureType.ofCode(c.get("Signature").get("Type").asInt()),
              Base64.getDecoder().decode(c.get("Signature").get("Data").asText()));
      if (sig.type() == SignatureType.BLS) {
        assertThat(new SignedMessage(m, sig).cid()).isEqualTo(m.cid());
      }
    }
  }

  /** A test-only reading of the vector's message JSON, independent of rpc's codec. */
  static UnsignedMessage fromJson(JsonNode j) {
    JsonNode params = j.get("Params");
    return new UnsignedMessage(
        j.get("Version").asLong(),
        Address.parse(j.get("To").asText()),
        Address.parse(j.get("From").asText()),
        new BigInteger(j.get("Nonce").asText()).longValue(),
        TokenAmount.ofAtto(new BigInteger(j.get("Value").asText())),
        j.get("GasLimit").asLong(),
        TokenAmount.ofAtto(new BigInteger(j.get("GasFeeCap").asText())),
        TokenAmount.ofAtto(new BigInteger(j.get("GasPremium").asText())),
        new BigInteger(j.get("Method").asText()).longValue(),
        params == null || params.isNull()
            ? new byte[0]
            : Base64.getDecoder().decode(params.asText()));
  }
}
