package io.filnode.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Lotus's serialization-vectors message_signing.json: every address, CID and signature. */
class MessageSigningVectorsTest {

  static UnsignedMessage message(JsonNode u) {
    JsonNode params = u.get("Params");
    return new UnsignedMessage(
        u.get("Version").asLong(),
        Address.parse(u.get("To").asText()),
        Address.parse(u.get("From").asText()),
        Long.parseUnsignedLong(u.get("Nonce").asText()),
        TokenAmount.ofAtto(new BigInteger(u.get("Value").asText())),
        u.get("GasLimit").asLong(),
        TokenAmount.ofAtto(new BigInteger(u.get("GasFeeCap").asText())),
        TokenAmount.ofAtto(new BigInteger(u.get("GasPremium").asText())),
        Long.parseUnsignedLong(u.get("Method").asText()),
        params == null || params.isNull()
            ? new byte[0]
            : Base64.getDecoder().decode(params.asText()));
  }

  @Test
  void everySignatureAndCidMatches() throws Exception {
    Path file = SharedData.require("vectors/serialization/message_signing.json");
    JsonNode vectors = new ObjectMapper().readTree(file.toFile());
    int checked = 0;
    for (JsonNode v : vectors) {
      UnsignedMessage msg = message(v.get("Unsigned"));
      byte[] key = Base64.getDecoder().decode(v.get("PrivateKey").asText());
      SignatureType type = SignatureType.ofCode(v.get("Signature").get("Type").asInt());
      byte[] expectedSig = Base64.getDecoder().decode(v.get("Signature").get("Data").asText());

      assertThat(msg.cid().toString()).isEqualTo(v.get("Cid").asText());
      assertThat(HexFormat.of().formatHex(msg.cid().bytes()))
          .isEqualTo(v.get("CidHexBytes").asText());
      assertThat(Signer.address(type, key)).isEqualTo(msg.from());

      SignedMessage signed = Signer.signMessage(type, key, msg);
      assertThat(signed.signature()).isEqualTo(new Signature(type, expectedSig));
      assertThat(SignatureVerifier.verifyMessage(signed)).isTrue();

      UnsignedMessage otherNonce =
          new UnsignedMessage(
              msg.version(),
              msg.to(),
              msg.from(),
              msg.nonce() + 1,
              msg.value(),
              msg.gasLimit(),
              msg.gasFeeCap(),
              msg.gasPremium(),
              msg.method(),
              msg.params());
      assertThat(SignatureVerifier.verifyMessage(new SignedMessage(otherNonce, signed.signature())))
          .isFalse();
      checked++;
    }
    assertThat(checked).isEqualTo(vectors.size()).isPositive();
  }
}
