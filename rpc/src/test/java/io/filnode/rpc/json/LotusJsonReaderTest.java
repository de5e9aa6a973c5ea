package io.filnode.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Network;
import io.filnode.chain.cbor.BigInts;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Strict reading, Go's leniencies, and the edge values Lotus prints. */
class LotusJsonReaderTest {
  private static final ObjectMapper JSON = LotusJson.objectMapper(Network.MAINNET);

  private static final String MESSAGE =
      "{\"Version\":0,\"To\":\"f01234\",\"From\":\"f01\",\"Nonce\":42,\"Value\":\"0\","
          + "\"GasLimit\":9,\"GasFeeCap\":\"0\",\"GasPremium\":\"0\",\"Method\":1,"
          + "\"Params\":\"Ynl0ZSBhcnJheQ==\"}";

  private static ObjectNode message() throws Exception {
    return (ObjectNode) JSON.readTree(MESSAGE);
  }

  private static UnsignedMessage read(JsonNode n) throws Exception {
    return JSON.treeToValue(n, UnsignedMessage.class);
  }

  private static void assertRejected(JsonNode n, String message) {
    assertThatThrownBy(() -> read(n))
        .isInstanceOf(LotusJsonException.class)
        .hasMessageContaining(message);
  }

  @Test
  void readsAMessageAndIgnoresItsCid() throws Exception {
    ObjectNode n = message();
    UnsignedMessage m = read(n);
    assertThat(m.to()).isEqualTo(Address.newId(1234));
    assertThat(m.params()).containsExactly("byte array".getBytes(StandardCharsets.US_ASCII));
    // Lotus derives "CID"; like Go's decoder we ignore it, whatever it holds
    n.put("CID", "not even a CID");
    assertThat(read(n)).isEqualTo(m);
  }

  @Test
  void matchesKeysWithoutCaseAndIgnoresUnknownFieldsAsGoDoes() throws Exception {
    ObjectNode n = message();
    n.remove("GasLimit");
    n.put("gaslimit", 77);
    n.put("Extra", true);
    assertThat(read(n).gasLimit()).isEqualTo(77);
  }

  @Test
  void namesTheMissingOrMistypedField() throws Exception {
    ObjectNode n = message();
    n.remove("Nonce");
    assertRejected(n, "Message.Nonce: missing");

    n = message();
    n.putNull("To");
    assertRejected(n, "Message.To: must not be null");

    n = message();
    n.put("Value", 5);
    assertRejected(n, "Message.Value: expected a decimal string, got the number 5");

    n = message();
    n.put("Value", "1.5");
    assertRejected(n, "Message.Value: '1.5' is not a decimal integer");

    n = message();
    n.put("GasLimit", "9");
    assertRejected(n, "Message.GasLimit: expected a 64-bit integer");

    n = message();
    n.put("GasLimit", 9.0);
    assertRejected(n, "Message.GasLimit: expected a 64-bit integer, got the number 9.0");

    n = message();
    n.put("Nonce", -1);
    assertRejected(n, "Message.Nonce: -1 is not an unsigned 64-bit integer");

    n = message();
    n.put("Nonce", new BigInteger("18446744073709551616"));
    assertRejected(n, "Message.Nonce: 18446744073709551616 is not an unsigned 64-bit integer");

    n = message();
    n.put("GasLimit", new BigInteger("9223372036854775808"));
    assertRejected(n, "Message.GasLimit: 9223372036854775808 is not a 64-bit integer");
  }

  @Test
  void rejectsBadBase64AddressesAndCids() throws Exception {
    ObjectNode n = message();
    n.put("Params", "Ynl0ZSBhcnJheQ");
    assertRejected(n, "Message.Params: invalid base64");

    n = message();
    n.put("Params", "Ynl0ZSBhcnJhe$==");
    assertRejected(n, "Message.Params: invalid base64");

    n = message();
    n.put("To", "x01234");
    assertRejected(n, "Message.To: address 'x01234' has an unknown network prefix");

    n = message();
    n.put("From", "f1abc");
    assertRejected(n, "Message.From:");

    assertThatThrownBy(() -> JSON.readValue("{\"/\":\"bafy-nope\"}", Cid.class))
        .isInstanceOf(LotusJsonException.class)
        .hasMessageStartingWith("CID: invalid CID 'bafy-nope'");
    assertThatThrownBy(() -> JSON.readValue("[{\"/\":\"\"}]", TipSetKey.class))
        .isInstanceOf(LotusJsonException.class)
        .hasMessageStartingWith("TipSetKey[0]: invalid CID");
  }

  @Test
  void nullBytesReadAsEmptyAndEmptyParamsPrintAsNull() throws Exception {
    ObjectNode n = message();
    n.putNull("Params");
    UnsignedMessage m = read(n);
    assertThat(m.params()).isEmpty();
    n.put("Params", "");
    assertThat(read(n)).isEqualTo(m);
    n.remove("Params");
    assertThat(read(n)).isEqualTo(m);
    // after a CBOR round trip Lotus holds a nil slice, which Go prints as null
    assertThat(JSON.valueToTree(m).get("Params").isNull()).isTrue();

    MessageReceipt r =
        JSON.readValue("{\"ExitCode\":0,\"Return\":\"\",\"GasUsed\":1}", MessageReceipt.class);
    assertThat(JSON.writeValueAsString(r))
        .isEqualTo("{\"ExitCode\":0,\"Return\":null,\"GasUsed\":1}");
  }

  @Test
  void emptySignatureDataPrintsAsEmptyStringAsGoStateTypesSlicesIt() throws Exception {
    Signature s = new Signature(SignatureType.SECP256K1, new byte[0]);
    assertThat(JSON.writeValueAsString(s)).isEqualTo("{\"Type\":1,\"Data\":\"\"}");
    assertThat(JSON.readValue("{\"Type\":1,\"Data\":null}", Signature.class)).isEqualTo(s);
    assertThatThrownBy(() -> JSON.readValue("{\"Type\":3,\"Data\":\"\"}", Signature.class))
        .isInstanceOf(LotusJsonException.class)
        .hasMessage("Signature.Type: unknown signature type 3");
  }

  @Test
  void printsUint64InFullAndReadsItBack() throws Exception {
    ObjectNode n = message();
    n.put("Nonce", new BigInteger("18446744073709551615"));
    n.put("Method", new BigInteger("9223372036854775808"));
    UnsignedMessage m = read(n);
    assertThat(m.nonce()).isEqualTo(-1L);
    assertThat(m.method()).isEqualTo(Long.MIN_VALUE);
    String text = JSON.writeValueAsString(m);
    assertThat(text)
        .contains("\"Nonce\":18446744073709551615,")
        .contains("\"Method\":9223372036854775808,");
    assertThat(JSON.readValue(text, UnsignedMessage.class)).isEqualTo(m);
  }

  @Test
  void bigIntegersAreDecimalStringsWithinTheCborLimit() throws Exception {
    assertThat(JSON.readValue("\"-12\"", TokenAmount.class)).isEqualTo(TokenAmount.ofAtto(-12));
    assertThat(JSON.readValue("\"+12\"", TokenAmount.class)).isEqualTo(TokenAmount.ofAtto(12));
    assertThat(JSON.writeValueAsString(TokenAmount.ofAtto(-12))).isEqualTo("\"-12\"");
    String huge = "\"" + BigInteger.ONE.shiftLeft(1016) + "\"";
    assertThatThrownBy(() -> JSON.readValue(huge, TokenAmount.class))
        .isInstanceOf(LotusJsonException.class)
        .hasMessageContaining("exceeds 128 serialized bytes");
    String max = "\"" + BigInteger.ONE.shiftLeft(1016).subtract(BigInteger.ONE) + "\"";
    TokenAmount t = JSON.readValue(max, TokenAmount.class);
    assertThat(BigInts.toBytes(t.atto())).hasSize(128);
  }

  @Test
  void signedMessageCidIsTheMessageCidForBls() throws Exception {
    UnsignedMessage m = read(message());
    SignedMessage bls = new SignedMessage(m, new Signature(SignatureType.BLS, new byte[96]));
    SignedMessage secp = new SignedMessage(m, new Signature(SignatureType.SECP256K1, new byte[65]));
    JsonNode b = JSON.valueToTree(bls);
    JsonNode s = JSON.valueToTree(secp);
    assertThat(b.get("CID")).isEqualTo(b.get("Message").get("CID"));
    assertThat(s.get("CID").get("/").textValue()).isEqualTo(secp.cid().toString());
    assertThat(s.get("CID")).isNotEqualTo(s.get("Message").get("CID"));
    assertThat(JSON.treeToValue(s, SignedMessage.class)).isEqualTo(secp);
  }

  @Test
  void tipSetIsRebuiltFromItsBlocks() throws Exception {
    BlockHeader h = header(7);
    TipSet ts = TipSet.of(h);
    ObjectNode n = JSON.valueToTree(ts);
    // Cids and Height are derived, as in Lotus: only their types are checked
    n.putArray("Cids");
    n.put("Height", 99);
    assertThat(JSON.treeToValue(n, TipSet.class)).isEqualTo(ts);
    n.put("Height", "99");
    assertThatThrownBy(() -> JSON.treeToValue(n, TipSet.class))
        .isInstanceOf(LotusJsonException.class)
        .hasMessageStartingWith("TipSet.Height: expected a 64-bit integer");
    n.put("Height", 99);
    n.putArray("Blocks");
    assertThatThrownBy(() -> JSON.treeToValue(n, TipSet.class))
        .isInstanceOf(LotusJsonException.class)
        .hasMessageStartingWith("TipSet.Blocks: ");
  }

  @Test
  void blockHeaderWithNullsPrintsGoNils() throws Exception {
    BlockHeader h = header(0);
    String text = JSON.writeValueAsString(h);
    assertThat(text)
        .startsWith(
            "{\"Miner\":\"f01000\",\"Ticket\":null,\"ElectionProof\":null,\"BeaconEntries\":null,"
                + "\"WinPoStProof\":null,\"Parents\":null,\"ParentWeight\":\"0\",\"Height\":0,")
        .contains("\"BLSAggregate\":null,\"Timestamp\":0,\"BlockSig\":null,\"ForkSignaling\":0,");
    assertThat(JSON.readValue(text, BlockHeader.class)).isEqualTo(h);
    assertThat(JSON.writeValueAsString(TipSetKey.EMPTY)).isEqualTo("[]");
    assertThat(JSON.readValue("null", TipSetKey.class)).isNull();
  }

  @Test
  void trailingContentIsRejected() {
    assertThatThrownBy(() -> JSON.readValue(MESSAGE + "x", UnsignedMessage.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Property(tries = 200)
  void messagesRoundTrip(
      @ForAll long version,
      @ForAll long nonce,
      @ForAll long gasLimit,
      @ForAll long method,
      @ForAll BigInteger value,
      @ForAll byte[] params)
      throws Exception {
    UnsignedMessage m =
        new UnsignedMessage(
            version,
            Address.newId(Math.abs(nonce % 100_000)),
            Address.newActor(params),
            nonce,
            TokenAmount.ofAtto(value),
            gasLimit,
            TokenAmount.ofAtto(value.negate()),
            TokenAmount.ZERO,
            method,
            params);
    for (Network net : Network.values()) {
      ObjectMapper json = LotusJson.objectMapper(net);
      assertThat(json.readValue(json.writeValueAsString(m), UnsignedMessage.class)).isEqualTo(m);
    }
  }

  private static BlockHeader header(long height) {
    Cid c = Cid.ofDagCbor(new byte[] {(byte) 0x80});
    return new BlockHeader(
        Address.newId(1000),
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        BigInteger.ZERO,
        height,
        c,
        c,
        c,
        null,
        0,
        null,
        0,
        TokenAmount.ZERO);
  }
}
